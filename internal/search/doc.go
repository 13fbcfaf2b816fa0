// Package search finds published articles the way Vietnamese readers type:
// with or without diacritics, in either tone-placement habit, in any Unicode
// normalisation form.
//
// Articles are indexed by their folded text (vn.Fold: lower case, no
// diacritics, đ→d) in the same transaction as the write that publishes,
// edits or withdraws them (Indexer, called by content.Store). A query is
// parsed into words, "phrases" and -exclusions (Parse), turned into a
// full-text expression built only from quoted tokens, matched against the
// index (SQLite FTS5 or PostgreSQL tsvector, chosen by the database
// dialect in backend.go), and its best candidates are re-ranked in Go:
// relevance first, then a bonus when the article keeps the diacritics the
// reader typed and when the title matches. Snippets show the original text
// with the matched words marked.
package search
