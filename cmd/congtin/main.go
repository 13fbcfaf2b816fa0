// Command congtin is the whole e-portal in one binary. Run `congtin help`
// for its commands.
package main

import (
	"fmt"
	"os"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		// A refusal a person can act on (a weak password, a taken name) is
		// said in the catalogue's words; anything else as it is.
		if msg, ok := problem.Message(i18n.Default, err); ok {
			fmt.Fprintln(os.Stderr, "congtin:", msg)
		} else {
			fmt.Fprintln(os.Stderr, "congtin:", err)
		}
		os.Exit(1)
	}
}
