// Package media stores uploaded files in the database, content-addressed by
// SHA-256, so one backup holds the whole site and every node of a cluster
// sees every file. Types are decided from the bytes, never from the name.
package media

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// ErrNotFound is returned for unknown files.
var ErrNotFound = store.ErrNotFound

// ErrUnsupported is returned for content whose type is not accepted.
var ErrUnsupported = problem.New(problem.Unsupported, "media.err.unsupported")

// ThumbnailWidths are the widths made for every image wider than them;
// pages offer them in srcset so a phone downloads a small file.
var ThumbnailWidths = []int{320, 640}

// Media is one stored file.
type Media struct {
	ID        int64
	SiteID    int64
	SHA256    string
	Mime      string
	Name      string
	Size      int64
	Width     int
	Height    int
	Alt       string
	CreatedAt time.Time
}

// Store keeps files and their thumbnails.
type Store struct {
	db *store.DB
	// onDecode, when set, is told as an image's pixels are decoded.
	onDecode func()
}

// OnDecode has f called whenever an image's pixels are about to be
// decoded, the costly step: tests use it to count decodes and to see
// that no transaction is open meanwhile.
func (s *Store) OnDecode(f func()) { s.onDecode = f }

// NewStore returns a media store on db.
func NewStore(db *store.DB) *Store { return &Store{db: db} }

// Put stores data as a new media item of site siteID, with thumbnails for
// images: Prepare, then Save in q. Identical bytes are stored once. A
// caller that writes inside a transaction calls Prepare first, outside
// it, so decoding an image never holds the database's writer.
func (s *Store) Put(ctx context.Context, q store.Querier, siteID int64, name, alt string, data []byte) (*Media, error) {
	p, err := s.Prepare(ctx, siteID, name, alt, data)
	if err != nil {
		return nil, err
	}
	return s.Save(ctx, q, p)
}

// Save writes a prepared file, its blob and its thumbnails, in q: only
// writes, no decoding.
func (s *Store) Save(ctx context.Context, q store.Querier, p *Prepared) (*Media, error) {
	m := p.media
	if err := putBlob(ctx, q, m.SHA256, p.data); err != nil {
		return nil, err
	}

	err := q.QueryRowContext(ctx, `INSERT INTO media (site_id, sha256, mime, name, size, width, height, alt, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		m.SiteID, m.SHA256, m.Mime, m.Name, m.Size, m.Width, m.Height, m.Alt, m.CreatedAt.Unix()).Scan(&m.ID)
	if err != nil {
		return nil, fmt.Errorf("insert media: %w", err)
	}
	for _, t := range p.thumbs {
		sum := hashOf(t.data)
		if err := putBlob(ctx, q, sum, t.data); err != nil {
			return nil, err
		}

		if _, err := q.ExecContext(ctx, `INSERT INTO media_variants (media_id, width, height, sha256, mime)
			VALUES ($1, $2, $3, $4, $5)`, m.ID, t.width, t.height, sum, "image/jpeg"); err != nil {
			return nil, fmt.Errorf("insert thumbnail: %w", err)
		}
	}
	return &m, nil
}

func putBlob(ctx context.Context, q store.Querier, sum string, data []byte) error {
	_, err := q.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)
		ON CONFLICT (sha256) DO NOTHING`, sum, data)
	if err != nil {
		return fmt.Errorf("store blob: %w", err)
	}
	return nil
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// File is a stored file ready to send.
type File struct {
	Mime string
	Name string
	Data []byte
}

// Original returns the file whose content hash is sum.
func (s *Store) Original(ctx context.Context, sum string) (*File, error) {
	f := &File{}
	err := s.db.QueryRowContext(ctx, `SELECT m.mime, m.name, b.bytes FROM media m
		JOIN media_blobs b ON b.sha256 = m.sha256 WHERE m.sha256 = $1
		ORDER BY m.id LIMIT 1`, sum).Scan(&f.Mime, &f.Name, &f.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("media %s: %w", sum, err)
	}

	return f, nil
}

// OriginalOf returns the file whose content hash is sum under the name
// of media item id: identical bytes uploaded twice are stored once, but
// each upload keeps the name it was given. An id that does not hold sum
// (or 0) gives the first upload's name.
func (s *Store) OriginalOf(ctx context.Context, sum string, id int64) (*File, error) {
	f, err := s.Original(ctx, sum)
	if err != nil || id <= 0 {
		return f, err
	}
	var name string
	err = s.db.QueryRowContext(ctx, `SELECT name FROM media WHERE id = $1 AND sha256 = $2`, id, sum).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("media %d: %w", id, err)
	}
	f.Name = name
	return f, nil
}

// Thumbnail returns the thumbnail of the image with content hash sum at
// one of ThumbnailWidths.
func (s *Store) Thumbnail(ctx context.Context, sum string, width int) (*File, error) {
	f := &File{}
	err := s.db.QueryRowContext(ctx, `SELECT v.mime, m.name, b.bytes FROM media m
		JOIN media_variants v ON v.media_id = m.id JOIN media_blobs b ON b.sha256 = v.sha256
		WHERE m.sha256 = $1 AND v.width = $2 ORDER BY m.id LIMIT 1`, sum, width).Scan(&f.Mime, &f.Name, &f.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("thumbnail %s@%d: %w", sum, width, err)
	}

	return f, nil
}

// Sniff names the type of data from its first bytes, or "" when it is not
// a type congtin accepts.
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "image/gif"
	case len(data) >= 12 && string(data[0:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	case bytes.HasPrefix(data, oleMagic):
		return sniffOLE(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(data)
	}
	return ""
}

// IsImage reports whether mime is an image type that gets thumbnails.
func IsImage(mime string) bool {
	switch mime {
	case "image/jpeg", "image/png", "image/gif", "image/webp":
		return true
	}
	return false
}

// Extension is the file extension used in URLs for a type.
func Extension(mime string) string {
	switch mime {
	case "image/jpeg":
		return "jpg"
	case "image/png":
		return "png"
	case "image/gif":
		return "gif"
	case "image/webp":
		return "webp"
	case "application/pdf":
		return "pdf"
	case MimeDOC:
		return "doc"
	case MimeXLS:
		return "xls"
	case MimeDOCX:
		return "docx"
	case MimeXLSX:
		return "xlsx"
	case MimeODT:
		return "odt"
	}
	return "bin"
}
