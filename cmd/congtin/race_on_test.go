//go:build race

package main

// raceBuild makes the process tests build the binary with -race too.
const raceBuild = true
