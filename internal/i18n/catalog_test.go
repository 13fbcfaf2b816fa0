package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// templateString is a quoted string inside a template, and templateKey
// the key of a {{t "..."}} action.
var (
	templateString = regexp.MustCompile(`"([a-z][a-z0-9_.%]*)"`)
	templateKey    = regexp.MustCompile(`\bt "([^"]+)"`)
)

// keyTakers are the functions that take a catalogue key, with the place
// of the key among their arguments: the catalogue's own T (on any
// receiver), problem's constructors and the domain packages' wrappers of
// them, and problem.Key.
var keyTakers = map[string]int{"T": 0, "problem.New": 1, "problem.InvalidField": 1, "invalid": 1, "hasVotes": 1,
	"problem.Key": 0}

// source is what the program says about keys: every string it holds
// (tests left out), and the strings it hands over as keys.
type source struct {
	strings map[string]bool
	keys    map[string]string // key -> where it is named
}

func readSource(t *testing.T) source {
	t.Helper()
	root := filepath.Join("..", "..")
	src := source{strings: map[string]bool{}, keys: map[string]string{}}

	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			// The catalogue itself names every key: it is what is checked.
			if name == "vendor" || name == "testdata" || name == "i18n" || strings.HasPrefix(name, ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(path, "_test.go"):
			return nil
		case strings.HasSuffix(path, ".go"):
			return src.readGo(path)
		case strings.HasSuffix(path, ".html"):
			return src.readTemplate(path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func (src source) readTemplate(path string) error {
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, m := range templateString.FindAllStringSubmatch(string(text), -1) {
		src.strings[m[1]] = true
	}
	for _, m := range templateKey.FindAllStringSubmatch(string(text), -1) {
		src.keys[m[1]] = path
	}
	return nil
}

func (src source) readGo(path string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return err
	}
	key := func(e ast.Expr) {
		if s, ok := stringLit(e); ok {
			src.keys[s] = fset.Position(e.Pos()).String()
		}
	}

	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if s, ok := stringLit(n); ok {
				src.strings[s] = true
			}
		case *ast.CallExpr:
			if i, ok := keyTakers[calleeName(n.Fun)]; ok && i < len(n.Args) {
				key(n.Args[i])
			}
		case *ast.FuncDecl:
			if n.Name.Name == "LabelKey" && n.Body != nil {
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if ret, ok := m.(*ast.ReturnStmt); ok {
						for _, r := range ret.Results {
							key(r)
						}
					}
					return true
				})
			}
		}
		return true
	})
	return nil
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && x.Name == "problem" {
			return "problem." + f.Sel.Name
		}
		return f.Sel.Name
	}
	return ""
}

// named reports whether the program names key: as a string of its own,
// or as a family it builds, such as "stats." + name, "admin.move.%s" or
// the error pages' "error.%d" with ".title".
func (src source) named(key string) bool {
	if src.strings[key] {
		return true
	}
	for s := range src.strings {
		if family(s, key) {
			return true
		}
	}
	return false
}

// family reports whether s is the start or the pattern of a built key
// that key matches.
func family(s, key string) bool {
	if i := strings.IndexByte(s, '%'); i >= 0 {
		s = s[:i]
	}
	return keyStart.MatchString(s) && strings.HasPrefix(key, s) && len(key) > len(s)
}

// keyStart is the start of a built key: area and words up to a dot or an
// underscore ("stats.", "admin.settings.module_").
var keyStart = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.([a-z0-9_]*_)?$`)

// TestCatalogKeys fails on a key the program hands over that the
// catalogue lacks (the page would show the bare key), and on a key the
// program never names (a string left behind, which a translator would
// translate for nothing).
func TestCatalogKeys(t *testing.T) {
	src := readSource(t)

	t.Run("missing", func(t *testing.T) {
		var missing []string
		for k, where := range src.keys {
			if _, ok := Vietnamese[k]; !ok && k != "" {
				missing = append(missing, k+" ("+where+")")
			}
		}
		slices.Sort(missing)
		for _, m := range missing {
			t.Errorf("no catalogue text for %s", m)
		}
	})

	t.Run("unused", func(t *testing.T) {
		var unused []string
		for key := range Vietnamese {
			if !src.named(key) && !isSpecial(key) {
				unused = append(unused, key)
			}
		}
		slices.Sort(unused)
		for _, k := range unused {
			t.Errorf("catalogue key %q is named nowhere", k)
		}
	})
}

// isSpecial is a key read by the catalogue's own callers by name.
func isSpecial(key string) bool { return key == "lang" || key == "og.locale" }
