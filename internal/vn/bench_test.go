package vn

import (
	"strings"
	"testing"
)

// benchParagraph is about 2 KB of ordinary news prose, the size of a
// typical article lead plus first section.
var benchParagraph = func() string {
	p := "Sáng nay, tại Hội trường Ủy ban nhân dân tỉnh, Sở Khoa học và Công nghệ " +
		"tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ trọng tâm năm tới. " +
		"Phát biểu khai mạc, đồng chí Giám đốc Sở nhấn mạnh việc ứng dụng tiến bộ khoa học " +
		"vào sản xuất nông nghiệp đã giúp nhiều hợp tác xã nâng cao thu nhập cho người dân; " +
		"các đề tài cấp tỉnh được nghiệm thu đúng hạn, chất lượng ngày càng được khẳng định. " +
		"Hội nghị cũng thảo luận về chuyển đổi số, cải cách hành chính và hỗ trợ doanh nghiệp " +
		"đổi mới sáng tạo, hướng tới mục tiêu phát triển bền vững. "
	var b strings.Builder
	for b.Len() < 2048 {
		b.WriteString(p)
	}
	return b.String()[:strings.LastIndexByte(b.String()[:2048], ' ')]
}()

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Fold(benchParagraph)
	}
}

// Slug stops reading once it has 80 bytes, so a throughput figure here
// would be meaningless; the time per call is what matters.
func BenchmarkSlug(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Slug(benchParagraph)
	}
}

func BenchmarkCanon(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Canon(benchParagraph)
	}
}
