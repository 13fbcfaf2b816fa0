// Command congtin is the whole e-portal in one binary. Run `congtin help`
// for its commands.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "congtin:", err)
		os.Exit(1)
	}
}
