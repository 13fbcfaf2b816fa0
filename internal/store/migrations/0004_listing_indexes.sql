-- Indexes for what every public page asks, the same on both databases.
--
-- Counting a category's visible articles (the pager) was most of a
-- category page's time: the listing index had to visit each row for
-- access and unpublish_at. This one holds every column the visibility
-- rule reads, so the count never leaves the index.
CREATE INDEX articles_visible ON articles (site_id, category_id, status, access, publish_at, unpublish_at);

-- The home page's featured article.
CREATE INDEX articles_featured ON articles (site_id, featured, publish_at);

-- The once-a-second look for articles whose withdrawal time has passed.
CREATE INDEX articles_unpublish ON articles (site_id, unpublish_at);
