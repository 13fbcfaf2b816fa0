package demo

import "time"

// Categories lists the demo categories in display order. "Giới thiệu" is a
// static page (Pages), not a category: it has no news of its own. The two children of
// "khoa-hoc-cong-nghe" follow the top-level ones.
var Categories = []Category{
	{
		Slug:        "tin-tuc-su-kien",
		Name:        "Tin tức - Sự kiện",
		Description: "Tin hoạt động của Sở và các sự kiện khoa học, công nghệ nổi bật trên địa bàn tỉnh.",
	},
	{
		Slug: "khoa-hoc-cong-nghe",
		Name: "Khoa học và Công nghệ",
		Description: "Kết quả nghiên cứu, ứng dụng và chuyển giao tiến bộ khoa học, công nghệ vào sản xuất và đời " +
			"sống.",
	},
	{
		Slug: "to-chuc-dang",
		Name: "Tổ chức Đảng",
		Description: "Hoạt động của Đảng bộ Sở và các chi bộ trực thuộc, việc học tập, quán triệt các nghị quyết, " +
			"chỉ thị của Đảng.",
	},
	{
		Slug: "van-ban-chinh-sach",
		Name: "Văn bản - Chính sách",
		Description: "Văn bản quy phạm pháp luật, quyết định, kế hoạch và hướng dẫn trong lĩnh vực khoa học và công " +
			"nghệ.",
	},
	{
		Slug:        "thong-bao",
		Name:        "Thông báo",
		Description: "Thông báo tuyển chọn nhiệm vụ, tuyển dụng, lịch tiếp công dân và các thông báo khác của Sở.",
	},
	{
		Slug: "so-huu-tri-tue",
		Name: "Sở hữu trí tuệ",
		Description: "Hoạt động xác lập, quản lý và phát triển tài sản trí tuệ, nhãn hiệu tập thể và chỉ dẫn địa lý " +
			"của tỉnh.",
		Parent: "khoa-hoc-cong-nghe",
	},
	{
		Slug:        "tieu-chuan-do-luong-chat-luong",
		Name:        "Tiêu chuẩn - Đo lường - Chất lượng",
		Description: "Tin về tiêu chuẩn, đo lường, chất lượng sản phẩm hàng hóa và hệ thống quản lý chất lượng.",
		Parent:      "khoa-hoc-cong-nghe",
	},
}

// Pages are the static pages of the demo site.
var Pages = []Page{
	{
		Slug:  "gioi-thieu",
		Title: "Giới thiệu",
		Body: []string{
			"Sở Khoa học và Công nghệ tỉnh Hải Dương là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng " +
				"tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về khoa học và công nghệ, bao gồm: hoạt động " +
				"khoa học và công nghệ; phát triển tiềm lực khoa học và công nghệ; tiêu chuẩn, đo lường, chất lượng; " +
				"sở hữu trí tuệ; ứng dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và hạt nhân.",
			"Sở có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, biên chế " +
				"và công tác của Ủy ban nhân dân tỉnh, đồng thời chịu sự chỉ đạo, kiểm tra, hướng dẫn về chuyên môn, " +
				"nghiệp vụ của Bộ Khoa học và Công nghệ.",
			"Sở có nhiệm vụ trình Ủy ban nhân dân tỉnh các dự thảo quy hoạch, kế hoạch, chương trình phát triển khoa " +
				"học và công nghệ của tỉnh; tổ chức tuyển chọn, giao trực tiếp, kiểm tra và nghiệm thu các nhiệm vụ " +
				"khoa học và công nghệ cấp tỉnh; hướng dẫn, hỗ trợ doanh nghiệp đổi mới công nghệ, xác lập và bảo vệ " +
				"quyền sở hữu công nghiệp; quản lý đo lường, chất lượng sản phẩm, hàng hóa; cấp phép tiến hành công " +
				"việc bức xạ theo thẩm quyền; thanh tra, kiểm tra và giải quyết khiếu nại, tố cáo trong lĩnh vực " +
				"được giao.",
			"Lãnh đạo Sở gồm Giám đốc và các Phó Giám đốc. Giám đốc Sở là ThS. Phạm Văn Bình, đồng thời là Trưởng " +
				"Ban biên tập Cổng thông tin điện tử của Sở. Các Phó Giám đốc giúp Giám đốc phụ trách từng lĩnh vực " +
				"công tác theo phân công.",
			"Các phòng chuyên môn, nghiệp vụ và tổ chức hành chính thuộc Sở gồm: Văn phòng; Thanh tra; Phòng Kế " +
				"hoạch - Tài chính; Phòng Quản lý khoa học; Phòng Quản lý công nghệ và Sở hữu trí tuệ; Chi cục Tiêu " +
				"chuẩn Đo lường Chất lượng.",
			"Các đơn vị sự nghiệp công lập trực thuộc Sở gồm: Trung tâm Ứng dụng khoa học công nghệ và Khảo nghiệm " +
				"giống, thực hiện khảo nghiệm, sản xuất giống cây trồng, giống nấm và chuyển giao kỹ thuật nông " +
				"nghiệp; Trung tâm Đo lường, Thử nghiệm và Thông tin khoa học, thực hiện kiểm định, hiệu chuẩn " +
				"phương tiện đo, thử nghiệm mẫu sản phẩm, hàng hóa và cung cấp thông tin khoa học và công nghệ.",
			"Với phương châm “Khoa học và công nghệ phục vụ sản xuất và đời sống”, Sở Khoa học và Công nghệ mong " +
				"muốn tiếp tục nhận được sự phối hợp của các sở, ngành, địa phương, doanh nghiệp, nhà khoa học và " +
				"nhân dân trong tỉnh để khoa học và công nghệ thực sự trở thành động lực phát triển kinh tế - xã hội " +
				"của Hải Dương.",
		},
	},
	{
		Slug:  "lien-he",
		Title: "Liên hệ",
		Body: []string{
			"Sở Khoa học và Công nghệ tỉnh Hải Dương. Địa chỉ: Số 209 Nguyễn Lương Bằng - TP. Hải Dương - tỉnh Hải " +
				"Dương.",
			"Điện thoại: 0220. 3892436 - Fax: 0220.3893912 - Thư điện tử: vanphong@skhcn.example.vn.",
			"Thời gian làm việc: sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, từ thứ Hai đến thứ " +
				"Sáu hằng tuần (trừ ngày nghỉ lễ, Tết theo quy định). Hồ sơ thủ tục hành chính được tiếp nhận tại " +
				"Trung tâm Phục vụ hành chính công tỉnh hoặc qua Cổng dịch vụ công trực tuyến của tỉnh.",
			"Tổ chức, cá nhân có ý kiến góp ý, phản ánh, kiến nghị về hoạt động của Sở và về nội dung của Cổng thông " +
				"tin điện tử xin gửi bằng văn bản về Văn phòng Sở theo địa chỉ trên hoặc gửi thư điện tử, ghi rõ họ " +
				"tên, địa chỉ và số điện thoại liên hệ. Văn phòng Sở có trách nhiệm tiếp nhận và chuyển đến đơn vị " +
				"liên quan xem xét, trả lời theo quy định.",
		},
	},
}

// Settings holds the site settings; the values are the reference page's
// footer. visits_offset is the visit counter the old site showed, so the new
// counter continues from it.
var Settings = map[string]string{
	"site_name":       "Cổng thông tin điện tử Sở Khoa học và Công nghệ tỉnh Hải Dương",
	"agency":          "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH HẢI DƯƠNG",
	"editor_in_chief": "Trưởng Ban biên tập: ThS. Phạm Văn Bình - Giám đốc Sở Khoa học và Công nghệ Hải Dương",
	"licence":         "Giấy phép số: 01/GP-STTTT do Sở TT&TT cấp ngày 29/06/2015.",
	"address":         "Địa chỉ: Số 209 Nguyễn Lương Bằng - TP. Hải Dương - tỉnh Hải Dương.",
	"phone":           "0220. 3892436",
	"fax":             "0220.3893912",
	"tagline":         "Tin tức, văn bản, thủ tục hành chính và hoạt động khoa học, công nghệ của tỉnh Hải Dương.",
	"visits_offset":   "31262600",
}

// DemoPoll is the poll shown on the reference page, with generated votes.
var DemoPoll = Poll{
	Question: "Lĩnh vực thủ tục hành chính nào ưu tiên thực hiện trên môi trường điện tử",
	Options:  pollOptions,
	Opens:    "2014-06-02 08:00:00",
	Votes:    pollVotes(),
}

var pollOptions = []string{
	"Cấp giấy phép tiến hành công việc bức xạ",
	"Đăng ký hợp đồng chuyển giao công nghệ",
	"Cấp giấy chứng nhận hoạt động khoa học và công nghệ",
	"Thủ tục trong lĩnh vực tiêu chuẩn, đo lường, chất lượng",
	"Sở hữu trí tuệ",
}

const (
	pollVoteCount = 97
	pollFirstVote = "2014-06-02 09:14:27"
	pollLastVote  = "2021-02-15 16:02:41"
	demoLayout    = "2006-01-02 15:04:05"
)

// pollVoteOption spreads the votes over the options: vote k goes to option
// pollVoteOption[k%len(pollVoteOption)], about 29/21/21/17/12 per cent.
var pollVoteOption = []int{0, 3, 1, 2, 0, 4, 1, 3, 0, 2, 1, 0, 2, 4, 3, 0, 1, 2, 3, 4, 0, 2, 1, 0}

// pollVotes computes the vote times deterministically: vote 0 is
// pollFirstVote, the last vote is pollLastVote, and the others fall on days
// between them, denser in the first months the poll was open, at a daytime
// hour derived from their index. Each option's list is in time order.
func pollVotes() [][]string {
	first, err := time.Parse(demoLayout, pollFirstVote)
	if err != nil {
		panic(err)
	}

	last, err := time.Parse(demoLayout, pollLastVote)
	if err != nil {
		panic(err)
	}

	span := int64(last.Sub(first) / time.Second)
	n := int64(pollVoteCount - 1)
	votes := make([][]string, len(pollOptions))
	for k := int64(0); k <= n; k++ {
		var t time.Time
		switch k {
		case 0:
			t = first
		case n:
			t = last
		default:
			// f(x) = (x + x²)/2 for x = k/n: slow at first, so the
			// early days get more votes.
			off := span * (k*n + k*k) / (2 * n * n)
			d := first.Add(time.Duration(off) * time.Second)
			t = time.Date(d.Year(), d.Month(), d.Day(),
				7+int(k*5%15), int(k*17%60), int(k*31%60), 0, time.UTC)
		}

		o := pollVoteOption[k%int64(len(pollVoteOption))]
		votes[o] = append(votes[o], t.Format(demoLayout))
	}

	return votes
}
