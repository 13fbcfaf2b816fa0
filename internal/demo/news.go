package demo

// MoreArticles fills the other categories of the demo site. The texts are
// demo content written for congtin; the people, figures and document numbers
// in them are illustrative. Across the articles the texts deliberately use
// both the old and the new tone placement ("hoà"/"hòa", "thuỷ"/"thủy",
// "khoẻ"/"khỏe") and both "quý" and "quí", so that search can be tested
// against the spellings found on real Vietnamese sites.
var MoreArticles = []Article{
	// Tin tức - Sự kiện
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Sở Khoa học và Công nghệ triển khai các biện pháp cấp bách phòng, chống dịch Covid-19",
		Published: "2021-02-09 10:15:22",
		Author:    "Văn phòng Sở",
		Intro: "Trước diễn biến phức tạp của dịch Covid-19 trên địa bàn tỉnh, Sở Khoa học và Công nghệ đã triển " +
			"khai nhiều biện pháp bảo đảm an toàn cho cán bộ mà không làm gián đoạn việc giải quyết thủ tục hành " +
			"chính.",
		Body: []string{
			"Thực hiện chỉ đạo của Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh, ngày 08/02/2021, Giám đốc Sở Khoa " +
				"học và Công nghệ đã chủ trì cuộc họp với lãnh đạo các phòng, đơn vị trực thuộc để triển khai các " +
				"biện pháp cấp bách phòng, chống dịch trong cơ quan.",
			"Theo đó, Sở bố trí cán bộ làm việc luân phiên, tăng cường họp trực tuyến; hạn chế tiếp khách trực tiếp, " +
				"khuyến khích tổ chức, cá nhân nộp hồ sơ thủ tục hành chính qua dịch vụ công trực tuyến mức độ 3, 4 " +
				"hoặc qua dịch vụ bưu chính công ích. Các hoạt động kiểm định phương tiện đo tại hiện trường được " +
				"sắp xếp lại, ưu tiên các cơ sở phục vụ phòng, chống dịch.",
			"Cán bộ, công chức, viên chức và người lao động thực hiện nghiêm thông điệp 5K của Bộ Y tế, khai báo y " +
				"tế điện tử, chủ động theo dõi sức khỏe và báo cáo ngay khi có dấu hiệu bất thường. Những trường hợp " +
				"thuộc diện cách ly tại nhà được bố trí làm việc trực tuyến.",
			"Giám đốc Sở yêu cầu các đơn vị quán triệt đầy đủ các chỉ thị, công điện của Thủ tướng Chính phủ và của " +
				"Ủy ban nhân dân tỉnh, không chủ quan, lơ là; đồng thời sẵn sàng hỗ trợ các ngành chức năng về trang " +
				"thiết bị, giải pháp công nghệ phục vụ công tác phòng, chống dịch khi có yêu cầu.",
		},
		Featured: true,
		Image:    "city",
		Hits:     286,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Tổng kết công tác khoa học và công nghệ năm 2020, triển khai nhiệm vụ năm 2021",
		Published: "2021-01-20 09:30:00",
		Author:    "Thu Hà",
		Intro: "Năm 2020, dù chịu ảnh hưởng của dịch Covid-19, ngành khoa học và công nghệ Hải Dương vẫn hoàn " +
			"thành các chỉ tiêu chủ yếu, nhiều kết quả nghiên cứu được đưa vào sản xuất.",
		Body: []string{
			"Ngày 19/01/2021, Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết công tác năm 2020 và triển khai " +
				"nhiệm vụ năm 2021. Dự hội nghị có đại diện lãnh đạo Ủy ban nhân dân tỉnh, các sở, ngành và phòng " +
				"Kinh tế, phòng Kinh tế và Hạ tầng các huyện, thị xã, thành phố.",
			"Năm 2020, Sở đã tham mưu triển khai 46 nhiệm vụ khoa học và công nghệ cấp tỉnh, trong đó 17 nhiệm vụ mở " +
				"mới; tổ chức đánh giá, nghiệm thu 15 nhiệm vụ, phần lớn đạt loại khá trở lên. Hoạt động hỗ trợ " +
				"doanh nghiệp đổi mới công nghệ, xác lập quyền sở hữu trí tuệ và áp dụng các công cụ nâng cao năng " +
				"suất, chất lượng được đẩy mạnh.",
			"Phát biểu tại hội nghị, Giám đốc Sở Phạm Văn Bình cho biết năm 2021 là năm đầu thực hiện Nghị quyết Đại " +
				"hội Đảng bộ tỉnh lần thứ XVII; ngành sẽ tập trung đổi mới cơ chế đặt hàng nhiệm vụ, ưu tiên các đề " +
				"tài phục vụ chuyển đổi số, nông nghiệp công nghệ cao và phát triển sản phẩm chủ lực của tỉnh.",
			"Dịp này, nhiều tập thể, cá nhân có thành tích xuất sắc trong năm 2020 được nhận Bằng khen của Ủy ban " +
				"nhân dân tỉnh và Giấy khen của Giám đốc Sở. Hội nghị cũng thống nhất chương trình công tác quý I " +
				"năm 2021 của các phòng, đơn vị.",
		},
		Featured: true,
		Image:    "meeting",
		Hits:     734,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Trao giải Hội thi Sáng tạo kỹ thuật tỉnh Hải Dương năm 2019 - 2020",
		Published: "2021-01-05 14:20:10",
		Author:    "Minh Đức",
		Intro: "Ban Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh đã trao giải cho 32 giải pháp có tính mới và khả năng " +
			"áp dụng cao trong nhiều lĩnh vực.",
		Body: []string{
			"Ngày 04/01/2021, Ban Tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Hải Dương tổ chức lễ tổng kết và trao giải " +
				"Hội thi năm 2019 - 2020. Hội thi do Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì, phối hợp " +
				"với Sở Khoa học và Công nghệ, Liên đoàn Lao động tỉnh và Tỉnh đoàn tổ chức.",
			"Năm nay Hội thi nhận được 86 giải pháp dự thi thuộc các lĩnh vực cơ khí, tự động hóa, nông nghiệp, y " +
				"dược, công nghệ thông tin và môi trường. Qua chấm chọn, Hội đồng giám khảo đã trao 2 giải Nhất, 5 " +
				"giải Nhì, 10 giải Ba và 15 giải Khuyến khích.",
			"Nhiều giải pháp đang được áp dụng hiệu quả như hệ thống tưới tiết kiệm nước điều khiển qua điện thoại " +
				"thông minh, máy bóc vỏ hành tỏi, phần mềm quản lý hồ sơ bệnh án điện tử. Thành phần tác giả rất đa " +
				"dạng, từ kỹ sư, bác sĩ, giáo viên đến nông dân và học sinh.",
			"Các giải pháp đạt giải cao sẽ được lựa chọn tham dự Hội thi Sáng tạo kỹ thuật toàn quốc và được hướng " +
				"dẫn đăng ký bảo hộ quyền sở hữu trí tuệ.",
		},
		Image: "award",
		Hits:  512,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Hội thảo chuyển đổi số cho doanh nghiệp nhỏ và vừa",
		Published: "2020-12-10 08:45:00",
		Author:    "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
		Intro: "Hơn 120 đại biểu đại diện doanh nghiệp, hợp tác xã trên địa bàn tỉnh đã tham dự hội thảo giới " +
			"thiệu giải pháp chuyển đổi số do Sở Khoa học và Công nghệ tổ chức.",
		Body: []string{
			"Ngày 09/12/2020, tại TP. Hải Dương, Sở Khoa học và Công nghệ phối hợp với Sở Thông tin và Truyền thông " +
				"tổ chức hội thảo “Chuyển đổi số - cơ hội và thách thức đối với doanh nghiệp nhỏ và vừa”.",
			"Hội thảo nhằm triển khai Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt " +
				"Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030. Các chuyên gia đã giới " +
				"thiệu giải pháp hóa đơn điện tử, phần mềm quản trị nguồn lực doanh nghiệp, truy xuất nguồn gốc sản " +
				"phẩm bằng mã QR và bán hàng trên sàn thương mại điện tử.",
			"Nhiều doanh nghiệp chia sẻ khó khăn khi chuyển đổi số như thiếu nhân lực, chi phí đầu tư lớn, dữ liệu " +
				"phân tán. Đại diện Sở Khoa học và Công nghệ cho biết doanh nghiệp có thể đề xuất hỗ trợ kinh phí từ " +
				"chương trình đổi mới công nghệ của tỉnh và được tư vấn miễn phí lộ trình chuyển đổi phù hợp với quy " +
				"mô của mình.",
		},
		Hits: 468,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Sôi nổi Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Hải Dương năm 2020",
		Published: "2020-11-18 15:10:45",
		Author:    "Thu Hà",
		Intro: "Ngày hội là dịp để các dự án khởi nghiệp giới thiệu sản phẩm, kết nối với nhà đầu tư và các tổ " +
			"chức hỗ trợ khởi nghiệp.",
		Body: []string{
			"Ngày 17/11/2020, Sở Khoa học và Công nghệ phối hợp với Tỉnh đoàn tổ chức Ngày hội khởi nghiệp đổi mới " +
				"sáng tạo tỉnh Hải Dương năm 2020 với 40 gian hàng và hàng nghìn lượt khách tham quan.",
			"Các sản phẩm tham gia rất đa dạng: tinh dầu sả chiết xuất bằng công nghệ chưng cất hơi nước, bánh gai " +
				"Ninh Giang đóng gói hiện đại, phần mềm quản lý trang trại, thiết bị cảnh báo cháy kết nối " +
				"internet... Nhiều dự án do sinh viên và thanh niên nông thôn khởi xướng.",
			"Tại vòng chung kết cuộc thi ý tưởng khởi nghiệp, 10 dự án xuất sắc nhất đã trình bày trước hội đồng " +
				"giám khảo và nhà đầu tư. Giải Nhất thuộc về dự án sản xuất phân bón hữu cơ vi sinh từ phụ phẩm nông " +
				"nghiệp của một nhóm thanh niên huyện Cẩm Giàng.",
			"Theo Sở Khoa học và Công nghệ, hoạt động này nằm trong kế hoạch thực hiện Đề án hỗ trợ hệ sinh thái " +
				"khởi nghiệp đổi mới sáng tạo của tỉnh; các dự án tiềm năng sẽ tiếp tục được ươm tạo, hỗ trợ bảo hộ " +
				"nhãn hiệu và kết nối nguồn vốn.",
		},
		Image: "city",
		Hits:  391,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Kiểm tra tiến độ các nhiệm vụ khoa học và công nghệ tại Thanh Hà và Tứ Kỳ",
		Published: "2020-10-22 16:20:33",
		Author:    "Ngọc Anh",
		Intro: "Đoàn kiểm tra của Sở đã làm việc tại 4 mô hình thuộc các đề tài, dự án cấp tỉnh đang triển khai " +
			"trên địa bàn hai huyện.",
		Body: []string{
			"Ngày 21/10/2020, đoàn công tác do Phó Giám đốc Sở Khoa học và Công nghệ làm trưởng đoàn đã kiểm tra " +
				"tiến độ thực hiện các nhiệm vụ khoa học và công nghệ cấp tỉnh tại huyện Thanh Hà và huyện Tứ Kỳ.",
			"Tại một hợp tác xã ở huyện Thanh Hà, mô hình trồng vải thiều theo tiêu chuẩn VietGAP kết hợp tưới nhỏ " +
				"giọt và bón phân hữu cơ đang cho kết quả khả quan; cây sinh trưởng khỏe, tỷ lệ ra hoa đồng đều. Tại " +
				"Tứ Kỳ, mô hình nuôi cá rô phi đơn tính trong bể nổi lót bạt, tuần hoàn nước giúp tiết kiệm diện " +
				"tích và hạn chế ô nhiễm.",
			"Đoàn kiểm tra đề nghị các chủ nhiệm nhiệm vụ bám sát thuyết minh đã được phê duyệt, ghi chép đầy đủ số " +
				"liệu theo dõi, đồng thời phối hợp với địa phương tổ chức hội nghị đầu bờ để nông dân trực tiếp tham " +
				"quan, học tập.",
		},
		Hits: 327,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Tập huấn nghiệp vụ quản lý khoa học và công nghệ cấp huyện năm 2020",
		Published: "2020-09-15 09:40:12",
		Author:    "Phòng Quản lý khoa học",
		Intro: "Gần 60 cán bộ phụ trách khoa học và công nghệ của các huyện, thị xã, thành phố được bồi dưỡng " +
			"kiến thức về quản lý nhiệm vụ, sở hữu trí tuệ và đo lường, chất lượng.",
		Body: []string{
			"Trong hai ngày 14 và 15/9/2020, Sở Khoa học và Công nghệ tổ chức lớp tập huấn nghiệp vụ quản lý nhà " +
				"nước về khoa học và công nghệ cho cán bộ phòng Kinh tế, phòng Kinh tế và Hạ tầng các huyện, thị xã, " +
				"thành phố và thành viên hội đồng khoa học và công nghệ cấp huyện.",
			"Học viên được giới thiệu các quy định mới về quản lý nhiệm vụ khoa học và công nghệ sử dụng ngân sách " +
				"nhà nước, quy trình xây dựng và quản lý nhãn hiệu tập thể, nghiệp vụ kiểm tra nhà nước về đo lường, " +
				"chất lượng hàng hóa lưu thông trên thị trường.",
			"Nhiều ý kiến đề nghị Sở tăng cường hướng dẫn cấp huyện trong việc xác định nhiệm vụ khoa học và công " +
				"nghệ cấp cơ sở, đặc biệt là các nhiệm vụ phục vụ xây dựng nông thôn mới nâng cao và Chương trình " +
				"Mỗi xã một sản phẩm (OCOP) mà các địa phương đang triển khai.",
		},
		Hits: 254,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Hỗ trợ doanh nghiệp đổi mới công nghệ, nâng cao năng suất chất lượng",
		Published: "2020-08-06 14:05:29",
		Author:    "Minh Đức",
		Intro: "Năm 2020, tỉnh Hải Dương dành kinh phí hỗ trợ 12 doanh nghiệp đổi mới thiết bị, áp dụng hệ thống " +
			"quản lý và các công cụ cải tiến năng suất.",
		Body: []string{
			"Thực hiện Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa của " +
				"tỉnh, Sở Khoa học và Công nghệ đã khảo sát nhu cầu của hơn 80 doanh nghiệp trên địa bàn, lựa chọn " +
				"12 doanh nghiệp để hỗ trợ trong năm 2020.",
			"Nội dung hỗ trợ gồm đổi mới dây chuyền sản xuất; áp dụng các hệ thống quản lý ISO 9001, ISO 22000 và " +
				"các công cụ 5S, Kaizen; xây dựng tiêu chuẩn cơ sở và đăng ký bảo hộ nhãn hiệu. Các doanh nghiệp " +
				"được hỗ trợ chủ yếu hoạt động trong lĩnh vực chế biến nông sản, cơ khí, may mặc và vật liệu xây " +
				"dựng.",
			"Theo đại diện một doanh nghiệp chế biến nông sản tại huyện Nam Sách, sau khi áp dụng 5S và Kaizen, nhà " +
				"xưởng được bố trí lại hài hòa, gọn gàng hơn; năng suất lao động tăng khoảng 15%, tỷ lệ sản phẩm lỗi " +
				"giảm rõ rệt.",
		},
		Hits: 305,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Sơ kết công tác 6 tháng đầu năm 2020: chủ động thích ứng trong bối cảnh dịch bệnh",
		Published: "2020-06-26 10:50:08",
		Author:    "Văn phòng Sở",
		Intro: "Sáu tháng đầu năm, các phòng, đơn vị thuộc Sở đã linh hoạt điều chỉnh kế hoạch, bảo đảm tiến độ " +
			"các nhiệm vụ trọng tâm dù chịu tác động của dịch Covid-19.",
		Body: []string{
			"Ngày 25/6/2020, Sở Khoa học và Công nghệ tổ chức hội nghị sơ kết công tác 6 tháng đầu năm và triển khai " +
				"nhiệm vụ 6 tháng cuối năm 2020.",
			"Trong thời gian thực hiện cách ly xã hội theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ, Sở đã " +
				"chuyển phần lớn các cuộc họp hội đồng khoa học sang hình thức trực tuyến và duy trì tiếp nhận hồ sơ " +
				"qua mạng. Sáu tháng đầu năm đã tổ chức 14 hội đồng tư vấn tuyển chọn, xét giao trực tiếp và nghiệm " +
				"thu nhiệm vụ khoa học và công nghệ.",
			"Quý III, Sở tập trung hoàn thiện hồ sơ đề xuất đặt hàng nhiệm vụ năm 2021, tổ chức kiểm tra hàng đóng " +
				"gói sẵn lưu thông trên thị trường và chuẩn bị các hoạt động chào mừng Đại hội Đảng bộ tỉnh lần thứ " +
				"XVII.",
		},
		Hits: 276,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5",
		Published: "2020-05-18 16:30:00",
		Author:    "Thu Hà",
		Intro: "Nhiều hoạt động thiết thực đã được tổ chức nhằm tôn vinh đội ngũ trí thức, nhà khoa học và lan " +
			"tỏa phong trào ứng dụng tiến bộ kỹ thuật.",
		Body: []string{
			"Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam 18/5/2020, Sở Khoa học và Công nghệ đã tổ chức gặp mặt " +
				"các nhà khoa học tiêu biểu, đại diện doanh nghiệp có thành tích trong đổi mới công nghệ và các tác " +
				"giả đạt giải cao tại các hội thi sáng tạo.",
			"Giám đốc Sở Phạm Văn Bình ghi nhận những đóng góp của đội ngũ trí thức tỉnh nhà, mong muốn các nhà khoa " +
				"học tiếp tục đồng hành cùng địa phương, nghiên cứu giải quyết chính những vấn đề mà sản xuất và đời " +
				"sống đang đặt ra.",
			"Trong tuần lễ hưởng ứng, Cổng thông tin điện tử của Sở mở chuyên mục giới thiệu các kết quả nghiên cứu " +
				"đã được ứng dụng; Trung tâm Đo lường, Thử nghiệm và Thông tin khoa học phát hành số bản tin chuyên " +
				"đề về đổi mới sáng tạo.",
		},
		Hits: 418,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Gặp mặt cán bộ hưu trí nhân dịp Xuân Canh Tý 2020",
		Published: "2020-01-16 09:12:47",
		Author:    "Công đoàn Sở",
		Intro: "Lãnh đạo Sở đã gặp mặt, tặng quà và chúc Tết các đồng chí cán bộ hưu trí từng công tác tại cơ " +
			"quan.",
		Body: []string{
			"Ngày 15/01/2020, Đảng ủy, lãnh đạo Sở Khoa học và Công nghệ tổ chức gặp mặt các đồng chí nguyên là lãnh " +
				"đạo, cán bộ, công chức của Sở đã nghỉ hưu nhân dịp đón Xuân Canh Tý 2020.",
			"Thay mặt lãnh đạo Sở, Giám đốc Phạm Văn Bình thông báo kết quả nổi bật của ngành năm 2019: hoàn thành " +
				"kế hoạch triển khai các nhiệm vụ khoa học và công nghệ, đẩy mạnh hỗ trợ doanh nghiệp và phát triển " +
				"tài sản trí tuệ cho nông sản chủ lực của tỉnh. Đảng bộ Sở tiếp tục được xếp loại hoàn thành tốt " +
				"nhiệm vụ.",
			"Không khí buổi gặp mặt ấm cúng, chan hoà. Các đồng chí hưu trí phấn khởi trước những kết quả đạt được, " +
				"góp nhiều ý kiến tâm huyết về công tác đào tạo cán bộ trẻ. Dịp này, lãnh đạo Sở trao quà, chúc các " +
				"đồng chí và gia đình đón năm mới mạnh khoẻ, hạnh phúc.",
		},
		Hits: 361,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Hội đồng tư vấn xác định nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2020",
		Published: "2019-12-12 08:30:55",
		Author:    "Phòng Quản lý khoa học",
		Intro: "Từ 86 đề xuất của các sở, ngành, địa phương và doanh nghiệp, các hội đồng đã kiến nghị 24 nhiệm " +
			"vụ đưa vào danh mục đặt hàng năm 2020.",
		Body: []string{
			"Trong tháng 12/2019, Sở Khoa học và Công nghệ đã tổ chức các hội đồng khoa học và công nghệ chuyên " +
				"ngành tư vấn xác định nhiệm vụ khoa học và công nghệ cấp tỉnh thực hiện từ năm 2020.",
			"Các đề xuất tập trung vào những lĩnh vực tỉnh đang ưu tiên: nông nghiệp ứng dụng công nghệ cao, bảo " +
				"quản và chế biến nông sản sau thu hoạch, y dược, môi trường và chuyển đổi số trong quản lý nhà " +
				"nước. Hội đồng đánh giá cao các đề xuất có doanh nghiệp cam kết đối ứng kinh phí và tiếp nhận kết " +
				"quả.",
			"Trên cơ sở kiến nghị của các hội đồng, Sở sẽ trình Ủy ban nhân dân tỉnh phê duyệt danh mục đặt hàng và " +
				"thông báo tuyển chọn tổ chức, cá nhân chủ trì trên Cổng thông tin điện tử.",
		},
		Hits: 442,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Hội nghị đầu bờ mô hình trồng dưa lưới trong nhà màng tại Gia Lộc",
		Published: "2019-10-09 15:45:18",
		Author:    "Ngọc Anh",
		Intro: "Mô hình ứng dụng tưới nhỏ giọt và điều khiển vi khí hậu trong nhà màng cho năng suất dưa lưới " +
			"khoảng 30 tấn/ha, lãi gấp nhiều lần trồng lúa.",
		Body: []string{
			"Ngày 08/10/2019, Sở Khoa học và Công nghệ phối hợp với Ủy ban nhân dân huyện Gia Lộc tổ chức hội nghị " +
				"đầu bờ đánh giá mô hình trồng dưa lưới trong nhà màng thuộc dự án ứng dụng công nghệ cao trong sản " +
				"xuất rau, quả an toàn.",
			"Mô hình có quy mô 2.000 m² nhà màng, sử dụng hệ thống tưới nhỏ giọt kết hợp bón phân qua nước, điều hoà " +
				"nhiệt độ và độ ẩm bằng quạt thông gió, lưới cắt nắng. Quả có độ ngọt cao, mẫu mã đẹp, được các siêu " +
				"thị tại Hà Nội và Hải Phòng đặt mua ổn định.",
			"Với giá bán bình quân 35.000 - 40.000 đồng/kg, sau khi trừ chi phí, mỗi vụ mô hình cho lãi gấp 3 - 4 " +
				"lần so với trồng lúa trên cùng diện tích. Đại biểu các hợp tác xã đề nghị tỉnh tiếp tục có chính " +
				"sách hỗ trợ vốn đầu tư nhà màng để nhân rộng mô hình.",
		},
		Image: "field",
		Hits:  1034,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Kết nối cung - cầu công nghệ cho doanh nghiệp chế biến nông sản",
		Published: "2019-07-25 09:25:36",
		Author:    "Minh Đức",
		Intro: "Phiên kết nối đã giới thiệu hơn 30 công nghệ, thiết bị bảo quản, chế biến nông sản của các viện, " +
			"trường và doanh nghiệp công nghệ.",
		Body: []string{
			"Ngày 24/7/2019, Sở Khoa học và Công nghệ tổ chức phiên kết nối cung - cầu công nghệ chuyên ngành bảo " +
				"quản, chế biến nông sản, thu hút sự tham gia của các viện nghiên cứu, trường đại học và hơn 50 " +
				"doanh nghiệp, hợp tác xã trong tỉnh.",
			"Các công nghệ được giới thiệu gồm sấy lạnh, sấy bơm nhiệt, bảo quản quả tươi bằng màng bao sinh học, " +
				"kho lạnh điều chỉnh khí quyển và dây chuyền sơ chế rau củ quy mô nhỏ. Đây là những giải pháp thiết " +
				"thực cho vùng vải thiều Thanh Hà, vùng cà rốt Cẩm Giàng và vùng hành tỏi Kinh Môn.",
			"Tại phiên kết nối, 6 biên bản ghi nhớ hợp tác đã được ký kết. Sở Khoa học và Công nghệ sẽ tiếp tục hỗ " +
				"trợ các bên hoàn thiện hợp đồng chuyển giao công nghệ và hướng dẫn các thủ tục liên quan theo Luật " +
				"Chuyển giao công nghệ năm 2017.",
		},
		Hits: 587,
	},
	{
		Category:  "tin-tuc-su-kien",
		Title:     "Sở Khoa học và Công nghệ hưởng ứng Chiến dịch Giờ Trái đất năm 2019",
		Published: "2019-03-28 14:50:02",
		Author:    "Thanh Thuý",
		Intro: "Cán bộ, công chức, viên chức của Sở cam kết tắt các thiết bị điện không cần thiết và duy trì " +
			"thói quen tiết kiệm năng lượng.",
		Body: []string{
			"Hưởng ứng Chiến dịch Giờ Trái đất năm 2019, Sở Khoa học và Công nghệ đề nghị các phòng, đơn vị tắt đèn " +
				"và các thiết bị điện không cần thiết trong thời gian từ 20 giờ 30 đến 21 giờ 30 ngày 30/3/2019.",
			"Mỗi năm, chiến dịch giúp tiết kiệm một lượng điện đáng kể trên toàn quốc, góp phần giảm áp lực cho các " +
				"nguồn phát, trong đó có các nhà máy thuỷ điện vào mùa khô.",
			"Đoàn Thanh niên Sở cũng phát động cán bộ trẻ thực hiện “Tắt khi không dùng”, sử dụng đèn LED, tắt máy " +
				"tính khi ra về và ưu tiên đi xe đạp, đi bộ với những quãng đường ngắn.",
		},
		Hits: 213,
	},

	// Khoa học và Công nghệ
	{
		Category:  "khoa-hoc-cong-nghe",
		Title:     "Nghiệm thu đề tài ứng dụng chế phẩm vi sinh xử lý phụ phẩm trồng trọt làm phân bón hữu cơ",
		Published: "2021-01-28 10:05:44",
		Author:    "Phòng Quản lý khoa học",
		Intro: "Đề tài đã hoàn thiện quy trình ủ rơm rạ, thân lá cây trồng thành phân hữu cơ trong 45 - 50 ngày, " +
			"góp phần giảm tình trạng đốt rơm rạ ngoài đồng.",
		Body: []string{
			"Ngày 27/01/2021, Hội đồng khoa học và công nghệ cấp tỉnh đã tổ chức đánh giá, nghiệm thu đề tài “Ứng " +
				"dụng chế phẩm vi sinh xử lý phụ phẩm trồng trọt làm phân bón hữu cơ tại một số huyện của tỉnh Hải " +
				"Dương”.",
			"Trong 2 năm thực hiện, nhóm nghiên cứu đã tuyển chọn chế phẩm phù hợp, hoàn thiện quy trình ủ và xây " +
				"dựng 6 mô hình với tổng khối lượng hơn 300 tấn phân hữu cơ tại các huyện Gia Lộc, Bình Giang, Thanh " +
				"Miện. Phân ủ đạt các chỉ tiêu chất lượng theo quy chuẩn hiện hành, được sử dụng bón cho lúa, rau " +
				"màu và cây ăn quả.",
			"Hội đồng đánh giá đề tài có ý nghĩa thực tiễn, góp phần giảm ô nhiễm môi trường nông thôn và chi phí " +
				"phân bón hóa học, xếp loại đạt. Hội đồng đề nghị nhóm nghiên cứu bổ sung tài liệu hướng dẫn kỹ " +
				"thuật dạng tờ rơi dễ hiểu để chuyển giao cho nông dân.",
		},
		Hits: 198,
	},
	{
		Category:  "khoa-hoc-cong-nghe",
		Title:     "Cơ giới hóa khâu thu hoạch, sơ chế cà rốt tại Cẩm Giàng",
		Published: "2020-12-22 14:30:27",
		Author:    "Thanh Thúy",
		Intro: "Dự án ứng dụng máy thu hoạch và dây chuyền rửa, phân loại cà rốt giúp giảm hơn một nửa công lao " +
			"động trong vụ đông.",
		Body: []string{
			"Cẩm Giàng là vùng sản xuất cà rốt lớn của tỉnh, mỗi vụ đông có hàng chục nghìn tấn củ được tiêu thụ " +
				"trong nước và xuất khẩu. Tuy nhiên, khâu thu hoạch và rửa củ chủ yếu vẫn làm thủ công, tốn nhiều " +
				"công lao động và nước.",
			"Từ năm 2019, Sở Khoa học và Công nghệ hỗ trợ thực hiện dự án ứng dụng cơ giới hóa trong thu hoạch, sơ " +
				"chế cà rốt. Dự án đã chuyển giao máy nhổ củ gắn sau máy kéo, dây chuyền rửa bằng chổi quay kết hợp " +
				"lọc nước tuần hoàn và máy phân loại củ theo kích cỡ.",
			"Kết quả bước đầu cho thấy năng suất thu hoạch tăng gấp 5 - 6 lần so với làm thủ công, lượng nước rửa " +
				"giảm khoảng 40%, nước thải được lắng lọc trước khi xả ra kênh thuỷ lợi. Các hợp tác xã đang đề xuất " +
				"nhân rộng dây chuyền sang các xã lân cận.",
		},
		Image: "field",
		Hits:  356,
	},
	{
		Category:  "khoa-hoc-cong-nghe",
		Title:     "Bảo quản vải thiều tươi bằng công nghệ màng bao kết hợp kho lạnh",
		Published: "2020-09-30 09:18:50",
		Author:    "Hoàng Long",
		Intro: "Kết quả nghiên cứu giúp kéo dài thời gian bảo quản vải thiều Thanh Hà lên 30 ngày mà vẫn giữ " +
			"được màu sắc và hương vị.",
		Body: []string{
			"Vải thiều là cây ăn quả chủ lực của huyện Thanh Hà và thị xã Kinh Môn, nhưng thời gian thu hoạch ngắn, " +
				"quả nhanh thâm vỏ khiến giá bán thường giảm mạnh vào chính vụ.",
			"Đề tài khoa học cấp tỉnh do Sở Khoa học và Công nghệ quản lý đã nghiên cứu quy trình xử lý quả sau thu " +
				"hoạch bằng dung dịch bảo đảm an toàn thực phẩm, bao gói bằng màng điều chỉnh khí quyển và bảo quản " +
				"ở nhiệt độ 2 - 4°C. Sau 30 ngày, tỷ lệ hao hụt dưới 5%, vỏ quả vẫn giữ được màu đỏ tự nhiên.",
			"Quy trình đã được chuyển giao cho 2 doanh nghiệp và 1 hợp tác xã trên địa bàn, phục vụ đưa vải tươi vào " +
				"hệ thống siêu thị và xuất khẩu sang các thị trường có yêu cầu khắt khe.",
		},
		Image: "lab",
		Hits:  612,
	},
	{
		Category:  "khoa-hoc-cong-nghe",
		Title:     "Phát triển nông nghiệp ứng dụng công nghệ cao: hướng đi tất yếu",
		Published: "2020-06-10 15:22:05",
		Author:    "Ngọc Anh",
		Intro: "Toàn tỉnh hiện có hàng chục mô hình sản xuất nông nghiệp ứng dụng công nghệ cao, cho hiệu quả " +
			"kinh tế vượt trội so với sản xuất truyền thống.",
		Body: []string{
			"Những năm gần đây, nông nghiệp ứng dụng công nghệ cao ở Hải Dương phát triển đa dạng về quy mô và hình " +
				"thức: nhà màng, nhà lưới trồng rau, dưa; hệ thống tưới tự động cho vườn cây ăn quả; chuồng trại " +
				"khép kín trong chăn nuôi; nuôi thủy sản trong ao tuần hoàn.",
			"Nhiều đề tài, dự án khoa học và công nghệ cấp tỉnh đã trực tiếp giúp người dân tiếp cận công nghệ, từ " +
				"chọn giống, quy trình canh tác theo tiêu chuẩn VietGAP đến truy xuất nguồn gốc sản phẩm bằng tem " +
				"điện tử.",
			"Tuy nhiên, suất đầu tư ban đầu lớn, đất đai manh mún và thiếu liên kết tiêu thụ vẫn là những rào cản. " +
				"Sở Khoa học và Công nghệ đang phối hợp với Sở Nông nghiệp và Phát triển nông thôn đề xuất cơ chế " +
				"khuyến khích tích tụ ruộng đất, ưu tiên các nhiệm vụ khoa học gắn với chuỗi giá trị.",
			"Mục tiêu đến năm 2025, giá trị sản phẩm nông nghiệp ứng dụng công nghệ cao chiếm tỷ trọng ngày càng lớn " +
				"trong tổng giá trị sản xuất nông nghiệp của tỉnh.",
		},
		Hits: 482,
	},
	{
		Category:  "khoa-hoc-cong-nghe",
		Title:     "Nuôi cá lồng trên sông ứng dụng công nghệ giám sát môi trường tự động",
		Published: "2019-11-14 16:12:30",
		Author:    "Minh Đức",
		Intro: "Hệ thống cảm biến đo oxy hòa tan, nhiệt độ và pH giúp người nuôi chủ động xử lý sự cố, giảm tỷ " +
			"lệ cá chết.",
		Body: []string{
			"Nuôi cá lồng trên các tuyến sông Thái Bình, sông Kinh Thầy, sông Luộc là nghề mang lại thu nhập ổn định " +
				"cho nhiều hộ dân. Tuy nhiên, rủi ro lớn nhất là chất lượng nước biến động khi thời tiết thay đổi " +
				"đột ngột.",
			"Dự án khoa học và công nghệ cấp tỉnh đã lắp đặt hệ thống cảm biến đo oxy hòa tan, nhiệt độ, pH tại 20 " +
				"lồng nuôi thí điểm. Số liệu được truyền về điện thoại của người nuôi; khi các chỉ số vượt ngưỡng, " +
				"hệ thống tự động cảnh báo và kích hoạt máy sục khí.",
			"Sau một năm thực hiện, tỷ lệ hao hụt giảm từ khoảng 15% xuống dưới 7%, năng suất bình quân tăng khoảng " +
				"20%. Mô hình được đánh giá phù hợp để nhân rộng cho các vùng nuôi thủy sản tập trung của tỉnh.",
		},
		Hits: 539,
	},
	{
		Category:  "khoa-hoc-cong-nghe",
		Title:     "Tăng cường bảo đảm an toàn bức xạ tại các cơ sở X-quang y tế",
		Published: "2019-04-17 10:40:21",
		Author:    "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
		Intro: "Qua kiểm tra 25 cơ sở có sử dụng thiết bị X-quang chẩn đoán y tế, đoàn kiểm tra đã hướng dẫn " +
			"khắc phục nhiều tồn tại về hồ sơ, kiểm định thiết bị và đo liều cá nhân.",
		Body: []string{
			"Từ ngày 08 đến 16/4/2019, Sở Khoa học và Công nghệ tổ chức kiểm tra việc chấp hành quy định về an toàn " +
				"bức xạ tại 25 cơ sở y tế công lập và tư nhân có sử dụng thiết bị X-quang chẩn đoán trên địa bàn " +
				"tỉnh.",
			"Kết quả cho thấy đa số cơ sở đã được cấp giấy phép tiến hành công việc bức xạ, phòng đặt máy được che " +
				"chắn đúng thiết kế, nhân viên bức xạ được trang bị liều kế cá nhân. Tuy nhiên, một số cơ sở chưa " +
				"kiểm định thiết bị đúng thời hạn, chưa cập nhật kế hoạch ứng phó sự cố hoặc để giấy phép hết hạn.",
			"Đoàn kiểm tra yêu cầu các cơ sở khắc phục ngay các tồn tại, đánh giá liều chiếu xạ nghề nghiệp định kỳ " +
				"để bảo vệ sức khỏe nhân viên và người bệnh. Sở khuyến khích các cơ sở nộp hồ sơ cấp, gia hạn giấy " +
				"phép qua dịch vụ công trực tuyến.",
		},
		Image: "lab",
		Hits:  726,
	},

	// Sở hữu trí tuệ
	{
		Category:  "so-huu-tri-tue",
		Title:     "Quản lý và phát huy giá trị chỉ dẫn địa lý vải thiều Thanh Hà",
		Published: "2020-11-05 08:55:14",
		Author:    "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
		Intro: "Việc cấp quyền sử dụng chỉ dẫn địa lý, kiểm soát chất lượng và truy xuất nguồn gốc đang giúp vải " +
			"thiều Thanh Hà khẳng định thương hiệu trên thị trường trong nước và quốc tế.",
		Body: []string{
			"Chỉ dẫn địa lý “Thanh Hà” cho sản phẩm quả vải thiều là một trong những tài sản trí tuệ có giá trị nhất " +
				"của tỉnh Hải Dương. Ủy ban nhân dân tỉnh giao Sở Khoa học và Công nghệ quản lý chỉ dẫn địa lý, phối " +
				"hợp với Ủy ban nhân dân huyện Thanh Hà tổ chức kiểm soát chất lượng sản phẩm.",
			"Năm 2020, Sở đã hướng dẫn thêm nhiều tổ chức, cá nhân sản xuất, kinh doanh lập hồ sơ đề nghị cấp quyền " +
				"sử dụng chỉ dẫn địa lý; cấp tem truy xuất nguồn gốc có mã QR cho sản phẩm vải thiều từ các vùng " +
				"trồng đạt tiêu chuẩn VietGAP và GlobalGAP.",
			"Cùng với việc bảo hộ trong nước, tỉnh đang phối hợp với các cơ quan chức năng thúc đẩy bảo hộ chỉ dẫn " +
				"địa lý vải thiều Thanh Hà tại các thị trường nước ngoài, tạo thuận lợi cho xuất khẩu sang Nhật Bản, " +
				"Hoa Kỳ, Australia và châu Âu.",
			"Theo lãnh đạo Sở, thời gian tới sẽ tăng cường kiểm tra việc sử dụng chỉ dẫn địa lý, xử lý nghiêm hành " +
				"vi gắn mác vải thiều Thanh Hà cho sản phẩm không đúng nguồn gốc, bảo vệ quyền lợi của người trồng " +
				"vải và người tiêu dùng.",
		},
		Featured: true,
		Image:    "field",
		Hits:     845,
	},
	{
		Category:  "so-huu-tri-tue",
		Title:     "Xây dựng nhãn hiệu tập thể cho nông sản đặc trưng của các địa phương",
		Published: "2020-03-05 14:15:42",
		Author:    "Thanh Thuý",
		Intro: "Từ nguồn kinh phí sự nghiệp khoa học, nhiều sản phẩm như cà rốt Cẩm Giàng, hành tỏi Kinh Môn, " +
			"bánh gai Ninh Giang đã và đang được hỗ trợ tạo lập, quản lý nhãn hiệu tập thể.",
		Body: []string{
			"Nhãn hiệu tập thể giúp người sản xuất khẳng định nguồn gốc, nâng cao giá trị sản phẩm và hạn chế tình " +
				"trạng hàng giả, hàng nhái. Nhận thức rõ điều đó, Sở Khoa học và Công nghệ đã tham mưu Ủy ban nhân " +
				"dân tỉnh ưu tiên các nhiệm vụ hỗ trợ phát triển tài sản trí tuệ cho nông sản chủ lực.",
			"Nội dung hỗ trợ gồm khảo sát, xác định bản đồ khu vực sản xuất; thiết kế mẫu nhãn hiệu; xây dựng quy " +
				"chế quản lý và sử dụng; nộp đơn đăng ký tại Cục Sở hữu trí tuệ; tập huấn cho hội viên và quảng bá " +
				"sản phẩm.",
			"Tuy vậy, sau khi được cấp văn bằng, một số tổ chức tập thể còn lúng túng trong quản lý, chưa kiểm soát " +
				"chặt chẽ chất lượng sản phẩm mang nhãn hiệu. Sở đang hướng dẫn các địa phương kiện toàn ban quản " +
				"lý, gắn nhãn hiệu tập thể với Chương trình OCOP để phát huy hiệu quả lâu dài.",
		},
		Hits: 301,
	},
	{
		Category:  "so-huu-tri-tue",
		Title:     "Tập huấn kiến thức sở hữu trí tuệ cho doanh nghiệp và hợp tác xã",
		Published: "2019-08-20 09:35:09",
		Author:    "Hoàng Long",
		Intro: "Hơn 100 học viên được trang bị kiến thức về đăng ký nhãn hiệu, kiểu dáng công nghiệp và cách " +
			"phòng ngừa hành vi xâm phạm quyền.",
		Body: []string{
			"Ngày 19/8/2019, Sở Khoa học và Công nghệ phối hợp với Hiệp hội Doanh nghiệp tỉnh tổ chức lớp tập huấn " +
				"nâng cao nhận thức về sở hữu trí tuệ cho các doanh nghiệp, hợp tác xã và hộ kinh doanh trên địa bàn.",
			"Các báo cáo viên đã giới thiệu quy trình tra cứu, nộp đơn đăng ký nhãn hiệu, kiểu dáng công nghiệp, " +
				"sáng chế; phân tích các tình huống tranh chấp nhãn hiệu thường gặp và cách xử lý khi phát hiện hàng " +
				"hóa giả mạo.",
			"Nhiều học viên cho biết đang kinh doanh sản phẩm nhiều năm nhưng chưa đăng ký bảo hộ nhãn hiệu. Sở Khoa " +
				"học và Công nghệ sẵn sàng tư vấn miễn phí và xem xét hỗ trợ một phần chi phí đăng ký theo chính " +
				"sách của tỉnh.",
		},
		Hits: 268,
	},

	// Tiêu chuẩn - Đo lường - Chất lượng
	{
		Category:  "tieu-chuan-do-luong-chat-luong",
		Title:     "Duy trì hiệu quả hệ thống quản lý chất lượng TCVN ISO 9001:2015 trong cơ quan hành chính",
		Published: "2020-12-03 10:28:40",
		Author:    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
		Intro: "Kết quả kiểm tra năm 2020 cho thấy phần lớn cơ quan hành chính nhà nước của tỉnh đã chuyển đổi " +
			"và duy trì hệ thống theo mô hình khung của Bộ Khoa học và Công nghệ.",
		Body: []string{
			"Thực hiện Quyết định số 19/2014/QĐ-TTg của Thủ tướng Chính phủ, từ tháng 10 đến tháng 11/2020, Sở Khoa " +
				"học và Công nghệ đã kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất " +
				"lượng tại 30 cơ quan, đơn vị, gồm các sở, ngành và Ủy ban nhân dân cấp huyện, cấp xã.",
			"Hầu hết các cơ quan đã chuyển đổi sang TCVN ISO 9001:2015 theo mô hình khung do Bộ Khoa học và Công " +
				"nghệ công bố, công bố hệ thống phù hợp tiêu chuẩn và đưa toàn bộ thủ tục hành chính vào phạm vi áp " +
				"dụng. Một số đơn vị đã dùng phần mềm ISO điện tử, lưu trữ hồ sơ trên môi trường mạng.",
			"Bên cạnh đó, vẫn còn đơn vị chưa cập nhật quy trình khi thủ tục hành chính thay đổi, chưa thực hiện " +
				"đánh giá nội bộ và xem xét của lãnh đạo đúng kỳ hạn. Đoàn kiểm tra đã hướng dẫn khắc phục và đề " +
				"nghị người đứng đầu trực tiếp chỉ đạo việc duy trì hệ thống, gắn với cải cách hành chính.",
		},
		Hits: 377,
	},
	{
		Category:  "tieu-chuan-do-luong-chat-luong",
		Title:     "Kiểm định phương tiện đo nhóm 2: bảo vệ quyền lợi người tiêu dùng",
		Published: "2020-07-08 15:40:16",
		Author:    "Trung tâm Đo lường, Thử nghiệm và Thông tin khoa học",
		Intro: "Sáu tháng đầu năm 2020, Trung tâm Đo lường, Thử nghiệm và Thông tin khoa học đã kiểm định hơn " +
			"9.000 phương tiện đo các loại.",
		Body: []string{
			"Công tơ điện, đồng hồ nước lạnh, cột đo xăng dầu, cân bàn, cân ô tô... là những phương tiện đo nhóm 2 " +
				"phải được kiểm định theo quy định của Luật Đo lường. Độ chính xác của các phương tiện này ảnh hưởng " +
				"trực tiếp đến quyền lợi của người tiêu dùng trong mua bán, thanh toán.",
			"Trung tâm đã đầu tư thêm chuẩn đo lường và thiết bị kiểm định hiện đại, bố trí kiểm định viên làm việc " +
				"cả ngày nghỉ để đáp ứng yêu cầu của doanh nghiệp. Các phương tiện đạt yêu cầu được gắn tem, niêm " +
				"phong và cấp giấy chứng nhận kiểm định.",
			"Qua kiểm tra của Chi cục Tiêu chuẩn Đo lường Chất lượng, một số cột đo xăng dầu có sai số vượt giới hạn " +
				"cho phép đã bị tạm dừng sử dụng. Người dân khi phát hiện dấu hiệu gian lận về đo lường có thể phản " +
				"ánh trực tiếp với Sở Khoa học và Công nghệ.",
		},
		Image: "lab",
		Hits:  463,
	},
	{
		Category:  "tieu-chuan-do-luong-chat-luong",
		Title:     "Hưởng ứng Ngày Đo lường thế giới 20/5/2019",
		Published: "2019-05-20 08:10:33",
		Author:    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
		Intro: "Năm 2019 đánh dấu việc định nghĩa lại các đơn vị cơ bản của Hệ đơn vị quốc tế SI dựa trên các " +
			"hằng số vật lý.",
		Body: []string{
			"Ngày Đo lường thế giới 20/5 năm 2019 có chủ đề “Hệ đơn vị quốc tế - Cơ bản tốt hơn”. Từ ngày này, định " +
				"nghĩa mới của bốn đơn vị cơ bản kilôgam, ampe, kelvin và mol chính thức có hiệu lực, dựa trên các " +
				"hằng số vật lý cơ bản thay cho vật mẫu.",
			"Hưởng ứng sự kiện, Chi cục Tiêu chuẩn Đo lường Chất lượng đã tuyên truyền trên các phương tiện thông " +
				"tin đại chúng, phối hợp với Trung tâm Đo lường, Thử nghiệm và Thông tin khoa học kiểm tra miễn phí " +
				"các loại cân tại một số chợ trên địa bàn TP. Hải Dương.",
			"Chi cục cũng đặt các “cân đối chứng” tại chợ để người tiêu dùng tự kiểm tra khối lượng hàng hóa đã mua, " +
				"đồng thời khuyến cáo các hộ kinh doanh sử dụng cân đã được kiểm định, bảo đảm sự minh bạch và hòa " +
				"thuận trong mua bán.",
		},
		Hits: 342,
	},

	// Văn bản - Chính sách
	{
		Category:  "van-ban-chinh-sach",
		Title:     "Kế hoạch hoạt động khoa học và công nghệ tỉnh Hải Dương năm 2021",
		Published: "2021-01-12 09:00:00",
		Author:    "Phòng Kế hoạch - Tài chính",
		Intro: "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 123/KH-UBND xác định các nhiệm vụ trọng tâm của hoạt " +
			"động khoa học và công nghệ năm 2021.",
		Body: []string{
			"Ngày 08/01/2021, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 123/KH-UBND về hoạt động khoa học và công " +
				"nghệ tỉnh Hải Dương năm 2021.",
			"Kế hoạch đặt mục tiêu triển khai tối thiểu 15 nhiệm vụ khoa học và công nghệ cấp tỉnh mở mới; hỗ trợ ít " +
				"nhất 10 doanh nghiệp đổi mới công nghệ, 20 sản phẩm được đăng ký bảo hộ quyền sở hữu trí tuệ; 100% " +
				"cơ quan hành chính nhà nước duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.",
			"Các nhóm giải pháp chính gồm: đổi mới cơ chế đặt hàng và quản lý nhiệm vụ; phát triển thị trường khoa " +
				"học và công nghệ; thúc đẩy hệ sinh thái khởi nghiệp đổi mới sáng tạo; đẩy mạnh chuyển đổi số trong " +
				"hoạt động quản lý nhà nước về khoa học và công nghệ.",
			"Sở Khoa học và Công nghệ là cơ quan thường trực, có trách nhiệm hướng dẫn, đôn đốc các sở, ngành, địa " +
				"phương thực hiện và tổng hợp báo cáo kết quả theo quý, 6 tháng và cả năm.",
		},
		Image: "document",
		Hits:  241,
	},
	{
		Category:  "van-ban-chinh-sach",
		Title:     "Quy định quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước",
		Published: "2020-10-05 14:45:10",
		Author:    "Phòng Quản lý khoa học",
		Intro: "Quyết định số 28/2020/QĐ-UBND thay thế quy định cũ, rút ngắn thời gian xét duyệt và tăng trách " +
			"nhiệm của tổ chức chủ trì.",
		Body: []string{
			"Ngày 28/9/2020, Ủy ban nhân dân tỉnh ban hành Quyết định số 28/2020/QĐ-UBND về việc ban hành Quy định " +
				"quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước trên địa bàn tỉnh Hải " +
				"Dương. Quyết định có hiệu lực từ ngày 10/10/2020.",
			"Quy định gồm 6 chương, 38 điều, điều chỉnh toàn bộ quy trình từ đề xuất đặt hàng, tuyển chọn, giao trực " +
				"tiếp, ký hợp đồng, kiểm tra, điều chỉnh trong quá trình thực hiện đến đánh giá, nghiệm thu và công " +
				"nhận kết quả. Hồ sơ được khuyến khích nộp trên môi trường điện tử.",
			"Điểm mới của Quy định là mỗi nhiệm vụ phải có địa chỉ ứng dụng cụ thể và cam kết tiếp nhận của tổ chức " +
				"ứng dụng, bảo đảm hài hòa giữa tính khoa học và khả năng triển khai thực tế. Nhiệm vụ chậm tiến độ " +
				"quá 6 tháng mà không có lý do chính đáng sẽ bị xem xét dừng thực hiện.",
		},
		Hits: 518,
	},
	{
		Category:  "van-ban-chinh-sach",
		Title:     "Công bố danh mục thủ tục hành chính lĩnh vực khoa học và công nghệ",
		Published: "2020-04-15 10:12:46",
		Author:    "Văn phòng Sở",
		Intro: "Quyết định số 1234/QĐ-UBND công bố 62 thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Khoa " +
			"học và Công nghệ.",
		Body: []string{
			"Ngày 10/4/2020, Chủ tịch Ủy ban nhân dân tỉnh ký Quyết định số 1234/QĐ-UBND công bố danh mục thủ tục " +
				"hành chính mới ban hành, được sửa đổi, bổ sung và bị bãi bỏ trong lĩnh vực khoa học và công nghệ " +
				"thuộc phạm vi chức năng quản lý của Sở Khoa học và Công nghệ.",
			"Danh mục gồm 62 thủ tục thuộc các lĩnh vực: hoạt động khoa học và công nghệ; chuyển giao công nghệ; sở " +
				"hữu trí tuệ; tiêu chuẩn đo lường chất lượng; năng lượng nguyên tử, an toàn bức xạ và hạt nhân. " +
				"Nhiều thủ tục được cung cấp dưới dạng dịch vụ công trực tuyến mức độ 3, 4.",
			"Sở Khoa học và Công nghệ có trách nhiệm niêm yết công khai các thủ tục tại Trung tâm Phục vụ hành chính " +
				"công tỉnh và trên Cổng thông tin điện tử của Sở; cập nhật quy trình nội bộ giải quyết thủ tục hành " +
				"chính vào hệ thống quản lý chất lượng.",
		},
		Hits: 429,
	},
	{
		Category:  "van-ban-chinh-sach",
		Title:     "Hướng dẫn kiểm tra nhà nước về đo lường, chất lượng hàng hóa dịp cuối năm 2019",
		Published: "2019-11-28 15:30:21",
		Author:    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
		Intro: "Văn bản số 812/SKHCN-TĐC hướng dẫn các địa phương tăng cường kiểm tra hàng đóng gói sẵn, xăng " +
			"dầu và mũ bảo hiểm dịp Tết Nguyên đán Canh Tý 2020.",
		Body: []string{
			"Ngày 25/11/2019, Sở Khoa học và Công nghệ ban hành Văn bản số 812/SKHCN-TĐC hướng dẫn Ủy ban nhân dân " +
				"các huyện, thị xã, thành phố tổ chức kiểm tra nhà nước về đo lường, chất lượng sản phẩm, hàng hóa " +
				"trong dịp cuối năm và Tết Nguyên đán Canh Tý 2020.",
			"Các nhóm hàng được ưu tiên kiểm tra gồm: hàng đóng gói sẵn theo định lượng như bánh kẹo, rượu, bia, " +
				"nước giải khát; xăng dầu tại các cửa hàng bán lẻ; mũ bảo hiểm cho người đi mô tô, xe máy; đồ chơi " +
				"trẻ em. Trọng tâm là kiểm tra nhãn hàng hóa, dấu hợp quy và lượng của hàng đóng gói sẵn.",
			"Các đoàn kiểm tra cấp huyện phối hợp chặt chẽ với Chi cục Tiêu chuẩn Đo lường Chất lượng và lực lượng " +
				"quản lý thị trường, xử lý nghiêm các vi phạm và báo cáo kết quả về Sở trước ngày 20/01/2020.",
		},
		Hits: 355,
	},
	{
		Category:  "van-ban-chinh-sach",
		Title:     "Đề án hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Hải Dương đến năm 2025",
		Published: "2019-06-12 08:20:38",
		Author:    "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
		Intro: "Quyết định số 2345/QĐ-UBND phê duyệt Đề án với mục tiêu hỗ trợ ít nhất 50 dự án khởi nghiệp đổi " +
			"mới sáng tạo đến năm 2025.",
		Body: []string{
			"Ngày 05/6/2019, Ủy ban nhân dân tỉnh ban hành Quyết định số 2345/QĐ-UBND phê duyệt Đề án hỗ trợ hệ sinh " +
				"thái khởi nghiệp đổi mới sáng tạo tỉnh Hải Dương đến năm 2025, cụ thể hóa Quyết định số 844/QĐ-TTg " +
				"ngày 18/5/2016 của Thủ tướng Chính phủ.",
			"Đề án đặt mục tiêu đến năm 2025 hỗ trợ ít nhất 50 dự án khởi nghiệp đổi mới sáng tạo, trong đó có 10 " +
				"doanh nghiệp gọi được vốn đầu tư; hình thành ít nhất một cơ sở ươm tạo và một không gian làm việc " +
				"chung trên địa bàn tỉnh.",
			"Các nội dung hỗ trợ gồm: đào tạo, tư vấn về sở hữu trí tuệ, tiêu chuẩn chất lượng và gọi vốn; hỗ trợ " +
				"tham gia các sự kiện khởi nghiệp trong nước và quốc tế; truyền thông, tôn vinh các dự án tiêu biểu. " +
				"Sở Khoa học và Công nghệ là cơ quan thường trực tổ chức thực hiện Đề án.",
		},
		Hits: 611,
	},

	// Thông báo
	{
		Category:  "thong-bao",
		Title:     "Thông báo lịch tiếp công dân định kỳ của Giám đốc Sở tháng 02/2021",
		Published: "2021-02-01 07:45:12",
		Author:    "Văn phòng Sở",
		Intro: "Giám đốc Sở Khoa học và Công nghệ tiếp công dân định kỳ vào thứ Sáu, ngày 05/02/2021 tại trụ sở " +
			"Sở; lịch có thể được điều chỉnh theo yêu cầu phòng, chống dịch.",
		Body: []string{
			"Thực hiện Luật Tiếp công dân và Quy chế tiếp công dân của Sở, Văn phòng Sở Khoa học và Công nghệ thông " +
				"báo lịch tiếp công dân định kỳ của Giám đốc Sở tháng 02/2021 như sau:",
			"Thời gian: từ 8 giờ 00 đến 11 giờ 00, thứ Sáu, ngày 05/02/2021. Địa điểm: Phòng tiếp công dân, trụ sở " +
				"Sở Khoa học và Công nghệ, số 209 Nguyễn Lương Bằng, TP. Hải Dương.",
			"Do diễn biến phức tạp của dịch Covid-19, công dân đến liên hệ phải đeo khẩu trang, khai báo y tế và " +
				"thực hiện các biện pháp phòng dịch theo hướng dẫn. Sở khuyến khích công dân gửi đơn, thư, ý kiến " +
				"phản ánh qua đường bưu điện hoặc thư điện tử vanphong@skhcn.example.vn; trường hợp tạm dừng tiếp " +
				"trực tiếp, Sở sẽ thông báo trên Cổng thông tin điện tử.",
		},
		Hits: 157,
	},
	{
		Category: "thong-bao",
		Title: "Thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh " +
			"năm 2021",
		Published: "2020-12-28 16:18:04",
		Author:    "Phòng Quản lý khoa học",
		Intro: "Sở Khoa học và Công nghệ thông báo tuyển chọn tổ chức, cá nhân chủ trì 12 nhiệm vụ khoa học và " +
			"công nghệ cấp tỉnh bắt đầu thực hiện từ năm 2021.",
		Body: []string{
			"Căn cứ Quyết định số 3921/QĐ-UBND ngày 18/12/2020 của Ủy ban nhân dân tỉnh phê duyệt danh mục nhiệm vụ " +
				"khoa học và công nghệ cấp tỉnh đặt hàng năm 2021, Sở Khoa học và Công nghệ thông báo tuyển chọn tổ " +
				"chức, cá nhân chủ trì thực hiện 12 nhiệm vụ thuộc các lĩnh vực nông nghiệp, y dược, công nghiệp và " +
				"khoa học xã hội.",
			"Hồ sơ đăng ký gồm: đơn đăng ký chủ trì; thuyết minh nhiệm vụ; tóm tắt hoạt động khoa học và công nghệ " +
				"của tổ chức đăng ký chủ trì; lý lịch khoa học của cá nhân đăng ký chủ nhiệm và các thành viên; văn " +
				"bản xác nhận phối hợp và cam kết ứng dụng kết quả (nếu có). Biểu mẫu được đăng tải trên Cổng thông " +
				"tin điện tử của Sở.",
			"Hạn nộp hồ sơ: trước 17 giờ 00 ngày 29/01/2021 (theo dấu bưu điện hoặc ngày nhận trực tiếp tại Văn " +
				"phòng Sở). Hồ sơ được lập dưới dạng 01 bộ gốc, 10 bộ sao và bản điện tử.",
			"Sở Khoa học và Công nghệ trân trọng kính mời quí tổ chức, cá nhân có đủ năng lực tham gia tuyển chọn. " +
				"Mọi chi tiết xin liên hệ Phòng Quản lý khoa học, điện thoại 0220. 3892436.",
		},
		Image: "document",
		Hits:  693,
	},
	{
		Category:  "thong-bao",
		Title:     "Thông báo tuyển dụng viên chức năm 2020",
		Published: "2020-08-25 11:05:50",
		Author:    "Văn phòng Sở",
		Intro: "Sở Khoa học và Công nghệ tuyển dụng 05 viên chức làm việc tại Trung tâm Đo lường, Thử nghiệm và " +
			"Thông tin khoa học và Trung tâm Ứng dụng khoa học công nghệ và Khảo nghiệm giống.",
		Body: []string{
			"Thực hiện kế hoạch tuyển dụng viên chức năm 2020 đã được Ủy ban nhân dân tỉnh phê duyệt, Sở Khoa học và " +
				"Công nghệ thông báo tuyển dụng 05 chỉ tiêu viên chức, gồm: 02 kiểm định viên đo lường, 01 thử " +
				"nghiệm viên hóa học, 01 kỹ sư trồng trọt và 01 viên chức công nghệ thông tin.",
			"Người dự tuyển phải có trình độ đại học trở lên, chuyên ngành phù hợp với vị trí việc làm; có đủ sức " +
				"khoẻ để thực hiện nhiệm vụ; đáp ứng các điều kiện quy định tại Luật Viên chức và các văn bản hướng " +
				"dẫn hiện hành.",
			"Hình thức tuyển dụng: xét tuyển. Thời gian nhận phiếu đăng ký dự tuyển: từ ngày 26/8/2020 đến hết ngày " +
				"24/9/2020 (trong giờ hành chính) tại Văn phòng Sở Khoa học và Công nghệ, số 209 Nguyễn Lương Bằng, " +
				"TP. Hải Dương.",
		},
		Hits: 1872,
	},
}
