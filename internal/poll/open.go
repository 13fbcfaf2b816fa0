package poll

import (
	"context"

	"github.com/congtin/congtin/internal/site"
)

// SetOpen opens (open true) or closes poll id of site siteID and returns
// it with its results; the caller tells from Refusal whether an open poll
// takes votes now or waits for its times.
func (s *Store) SetOpen(ctx context.Context, siteID, id int64, open bool) (*Results, error) {
	if err := site.Check(siteID, "open or close poll"); err != nil {
		return nil, err
	}

	var err error
	if open {
		err = s.Open(ctx, siteID, id)
	} else {
		err = s.Close(ctx, siteID, id)
	}

	if err != nil {
		return nil, err
	}

	return s.Results(ctx, siteID, id)
}
