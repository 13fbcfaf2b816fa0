package web

import "bytes"

// testVisitorKey is the visitor cookie key of every test server (newServer),
// so a test can sign the cookies of the visitors it plays.
var testVisitorKey = bytes.Repeat([]byte{0x5a}, 32)

// signedCookie is the ct_v value this site would have issued for id, a
// 22-character base64url visitor id.
func signedCookie(id string) string {
	return newVisitorSigner(testVisitorKey).sign(id)
}
