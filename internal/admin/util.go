package admin

import "net/url"

func urlEscape(s string) string            { return url.QueryEscape(s) }
func urlUnescape(s string) (string, error) { return url.QueryUnescape(s) }
