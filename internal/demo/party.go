package demo

// PartyArticles are the fifteen articles of the reference page's "Tin khác"
// list, newest first, with the titles exactly as the seed shows them
// (including its "Thông tin hoa học" and the full stop that ends one title)
// and the dates shown there. The bodies are demo text written for congtin.
var PartyArticles = []Article{
	{
		Category:  "to-chuc-dang",
		Title:     "Đoàn kết là cội nguồn sức mạnh, truyền thống quý báu của dân tộc ta",
		Published: "2021-02-03 09:20:15",
		Author:    "Minh Hằng",
		Body: []string{
			"Nhân kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2021), Đảng ủy Sở Khoa " +
				"học và Công nghệ đề nghị các chi bộ trực thuộc tổ chức cho cán bộ, đảng viên ôn lại truyền thống vẻ " +
				"vang của Đảng, gắn với việc tuyên truyền kết quả Đại hội đại biểu toàn quốc lần thứ XIII của Đảng " +
				"vừa thành công tốt đẹp.",
			"Lịch sử dân tộc đã chứng minh, đoàn kết là cội nguồn sức mạnh, là truyền thống quý báu được hun đúc qua " +
				"hàng nghìn năm dựng nước và giữ nước. Chủ tịch Hồ Chí Minh đã đúc kết: “Đoàn kết, đoàn kết, đại " +
				"đoàn kết. Thành công, thành công, đại thành công”. Dưới sự lãnh đạo của Đảng, khối đại đoàn kết " +
				"toàn dân tộc không ngừng được củng cố, trở thành nhân tố quyết định mọi thắng lợi của cách mạng " +
				"Việt Nam.",
			"Những ngày này, tỉnh Hải Dương đang tập trung cao độ cho công tác phòng, chống dịch Covid-19. Tinh thần " +
				"đoàn kết, chung sức đồng lòng một lần nữa được phát huy mạnh mẽ: cán bộ, đảng viên của Sở vừa bảo " +
				"đảm hoạt động chuyên môn, vừa sẵn sàng tham gia các nhiệm vụ hỗ trợ địa phương khi được phân công.",
			"Đồng chí Bí thư Đảng ủy Sở yêu cầu mỗi cán bộ, đảng viên nêu cao tinh thần trách nhiệm, gương mẫu chấp " +
				"hành các quy định phòng dịch, giữ vững sự đoàn kết thống nhất trong nội bộ, góp phần cùng tỉnh sớm " +
				"kiểm soát dịch bệnh và thực hiện thắng lợi nhiệm vụ chính trị năm 2021.",
		},
		Hits: 412,
	},
	{
		Category:  "to-chuc-dang",
		Title:     "Đại hội XIII của Đảng thành công tốt đẹp - Thông qua Nghị quyết Đại hội",
		Published: "2021-02-01 16:05:33",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Ngày 01/02/2021, tại Trung tâm Hội nghị Quốc gia, Thủ đô Hà Nội, Đại hội đại biểu toàn quốc lần thứ " +
				"XIII của Đảng Cộng sản Việt Nam đã bế mạc sau hơn một tuần làm việc khẩn trương, nghiêm túc, dân " +
				"chủ, hoàn thành toàn bộ nội dung, chương trình đề ra.",
			"Đại hội đã biểu quyết thông qua Nghị quyết Đại hội với sự nhất trí cao. Nghị quyết xác định mục tiêu " +
				"đến giữa thế kỷ XXI nước ta trở thành nước phát triển, theo định hướng xã hội chủ nghĩa; nhấn mạnh " +
				"yêu cầu phát triển dựa chủ yếu vào khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
			"Theo dõi phiên bế mạc qua truyền hình trực tiếp, cán bộ, đảng viên Đảng bộ Sở Khoa học và Công nghệ bày " +
				"tỏ niềm phấn khởi, tin tưởng vào đường lối đổi mới của Đảng. Nhiều ý kiến cho rằng các định hướng " +
				"về khoa học, công nghệ trong văn kiện Đại hội là động lực để ngành tiếp tục đổi mới cách làm, gắn " +
				"nghiên cứu với nhu cầu thực tiễn của địa phương.",
			"Đảng ủy Sở yêu cầu các chi bộ xây dựng kế hoạch tuyên truyền, chuẩn bị tốt việc học tập, quán triệt " +
				"Nghị quyết Đại hội XIII theo hướng dẫn của cấp trên, đồng thời cụ thể hóa thành các chương trình, " +
				"nhiệm vụ khoa học và công nghệ của tỉnh giai đoạn 2021 - 2025.",
		},
		Image: "meeting",
		Hits:  655,
	},
	{
		Category:  "to-chuc-dang",
		Title:     "Ra mắt Ban Chấp hành Trung ương Đảng khóa XIII",
		Published: "2021-02-01 10:42:08",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Ngày 31/01/2021, Ban Chấp hành Trung ương Đảng khóa XIII đã ra mắt Đại hội đại biểu toàn quốc lần thứ " +
				"XIII của Đảng. Ban Chấp hành Trung ương khóa XIII do Đại hội bầu ra gồm 200 đồng chí, trong đó có " +
				"180 ủy viên chính thức và 20 ủy viên dự khuyết.",
			"Tại Hội nghị lần thứ nhất, Ban Chấp hành Trung ương khóa XIII đã bầu Bộ Chính trị gồm 18 đồng chí; đồng " +
				"chí Nguyễn Phú Trọng tiếp tục được tín nhiệm bầu giữ chức Tổng Bí thư Ban Chấp hành Trung ương " +
				"Đảng. Hội nghị cũng bầu Ban Bí thư, Ủy ban Kiểm tra Trung ương và Chủ nhiệm Ủy ban Kiểm tra Trung " +
				"ương khóa XIII.",
			"Buổi ra mắt diễn ra trong không khí trang trọng. Thay mặt Ban Chấp hành Trung ương, đồng chí Tổng Bí " +
				"thư bày tỏ sự cảm ơn Đại hội và cam kết toàn Ban Chấp hành sẽ đoàn kết, nỗ lực phấn đấu, không phụ " +
				"lòng tin của đảng viên và nhân dân.",
			"Cán bộ, đảng viên, công chức, viên chức Sở Khoa học và Công nghệ Hải Dương tin tưởng Ban Chấp hành " +
				"Trung ương khóa XIII sẽ lãnh đạo thực hiện thắng lợi Nghị quyết Đại hội, đưa đất nước phát triển " +
				"nhanh và bền vững.",
		},
		Hits: 538,
	},
	{
		Category: "to-chuc-dang",
		Title: "Đồng chí Phạm Văn Mạnh giữ chức Bí thư Đảng ủy Sở Khoa học và Công nghệ khóa IX, nhiệm kỳ 2020 - " +
			"2025",
		Published: "2020-07-17 15:12:40",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Ngay sau khi Đại hội Đảng bộ Sở Khoa học và Công nghệ lần thứ IX, nhiệm kỳ 2020 - 2025 bế mạc, Ban Chấp " +
				"hành Đảng bộ khóa IX đã tiến hành Hội nghị lần thứ nhất để bầu các chức danh lãnh đạo của Đảng ủy.",
			"Với sự tín nhiệm cao, Hội nghị đã bầu đồng chí Phạm Văn Mạnh giữ chức Bí thư Đảng ủy Sở khóa IX; đồng " +
				"thời bầu Phó Bí thư Đảng ủy, Ủy ban Kiểm tra và Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Sở nhiệm kỳ 2020 " +
				"- 2025.",
			"Phát biểu nhận nhiệm vụ, đồng chí Phạm Văn Mạnh cảm ơn sự tin tưởng của Ban Chấp hành và đảng viên " +
				"trong Đảng bộ. Đồng chí khẳng định sẽ cùng tập thể Ban Chấp hành giữ vững đoàn kết, phát huy dân " +
				"chủ, sớm cụ thể hóa Nghị quyết Đại hội thành chương trình hành động của từng chi bộ, từng đảng viên.",
			"Ban Chấp hành khóa IX cũng thống nhất quy chế làm việc, phân công nhiệm vụ cho các đồng chí ủy viên và " +
				"giao Văn phòng Sở chuẩn bị hồ sơ báo cáo Đảng ủy Khối các cơ quan tỉnh theo quy định.",
		},
		Hits: 873,
	},
	{
		Category: "to-chuc-dang",
		Title: "Đảng bộ Sở Khoa học và Công nghệ Hải Dương: Nâng cao chất lượng, sức chiến đấu của đội ngũ đảng " +
			"viên và tổ chức Đảng",
		Published: "2020-07-17 10:30:00",
		Author:    "Thanh Thúy",
		Body: []string{
			"Trong hai ngày 16 và 17/7/2020, Đảng bộ Sở Khoa học và Công nghệ tổ chức Đại hội đại biểu lần thứ IX, " +
				"nhiệm kỳ 2020 - 2025. Dự và chỉ đạo Đại hội có đại diện lãnh đạo Đảng ủy Khối các cơ quan tỉnh cùng " +
				"các đại biểu thay mặt cho đảng viên của 7 chi bộ trực thuộc.",
			"Nhiệm kỳ 2015 - 2020, Đảng bộ đã lãnh đạo cơ quan hoàn thành tốt nhiệm vụ chính trị: hơn 120 nhiệm vụ " +
				"khoa học và công nghệ cấp tỉnh được triển khai, nhiều kết quả được chuyển giao vào sản xuất; công " +
				"tác quản lý tiêu chuẩn, đo lường, chất lượng và sở hữu trí tuệ có nhiều chuyển biến. Hằng năm, Đảng " +
				"bộ đều được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
			"Đại hội xác định chủ đề nhiệm kỳ mới là nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức Đảng, " +
				"chất lượng đội ngũ đảng viên; đẩy mạnh ứng dụng và chuyển giao tiến bộ khoa học, công nghệ, đổi mới " +
				"sáng tạo phục vụ phát triển kinh tế - xã hội của tỉnh.",
			"Đại hội đã bầu Ban Chấp hành Đảng bộ khóa IX gồm 9 đồng chí và bầu đoàn đại biểu đi dự Đại hội Đảng bộ " +
				"Khối các cơ quan tỉnh. Đại hội cũng thông qua Nghị quyết với các chỉ tiêu: 100% chi bộ hoàn thành " +
				"tốt nhiệm vụ, kết nạp ít nhất 10 đảng viên mới trong nhiệm kỳ.",
		},
		Image: "meeting",
		Hits:  967,
	},
	{
		Category: "to-chuc-dang",
		Title: "Chi bộ Trung tâm Đo lường, Thử nghiệm và Thông tin hoa học: Nâng cao hiệu suất công tác, tích " +
			"cực, sáng tạo của đảng viên.",
		Published: "2020-03-24 08:47:19",
		Author:    "Hoàng Long",
		Body: []string{
			"Chi bộ Trung tâm Đo lường, Thử nghiệm và Thông tin khoa học hiện có 14 đảng viên, phần lớn là kỹ sư, " +
				"kiểm định viên trực tiếp thực hiện các nhiệm vụ kiểm định, hiệu chuẩn phương tiện đo, thử nghiệm " +
				"mẫu và cung cấp thông tin khoa học và công nghệ.",
			"Năm 2019, Trung tâm đã kiểm định trên 18.000 phương tiện đo các loại như công tơ điện, đồng hồ nước, " +
				"cột đo xăng dầu, cân thương mại; thử nghiệm gần 1.500 mẫu sản phẩm, hàng hóa. Các hoạt động dịch vụ " +
				"đều bảo đảm đúng quy trình, trả kết quả đúng hẹn, không để xảy ra khiếu nại.",
			"Chi bộ chú trọng đổi mới nội dung sinh hoạt, mỗi quý tổ chức ít nhất một buổi sinh hoạt chuyên đề gắn " +
				"với nhiệm vụ chuyên môn, khuyến khích đảng viên đề xuất sáng kiến cải tiến quy trình làm việc. " +
				"Nhiều sáng kiến đã giúp rút ngắn thời gian kiểm định tại hiện trường.",
			"Năm 2020, Chi bộ phấn đấu 100% đảng viên hoàn thành tốt nhiệm vụ trở lên, tiếp tục mở rộng phạm vi được " +
				"công nhận của phòng thử nghiệm và nâng cao chất lượng bản tin khoa học và công nghệ phục vụ bạn đọc.",
		},
		Hits: 1126,
	},
	{
		Category: "to-chuc-dang",
		Title: "Đại hội Chi bộ Trung tâm Ứng dụng khoa học, công nghệ và Khảo nghiệm giống tỉnh Hải Dương nhiệm " +
			"kỳ 2020 - 2022 thành công tốt đẹp",
		Published: "2020-03-18 14:25:50",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Ngày 17/3/2020, Chi bộ Trung tâm Ứng dụng khoa học, công nghệ và Khảo nghiệm giống tỉnh Hải Dương đã tổ " +
				"chức Đại hội nhiệm kỳ 2020 - 2022. Đại hội được tổ chức gọn nhẹ, bảo đảm đúng các yêu cầu về phòng, " +
				"chống dịch Covid-19.",
			"Báo cáo tại Đại hội cho biết, nhiệm kỳ qua Chi bộ đã lãnh đạo Trung tâm khảo nghiệm hàng chục giống " +
				"lúa, rau màu mới; xây dựng các mô hình sản xuất giống lúa chất lượng, nấm ăn và nấm dược liệu; cung " +
				"ứng cho thị trường hàng trăm tấn giống lúa xác nhận.",
			"Phát biểu chỉ đạo Đại hội, đồng chí Bí thư Đảng ủy Sở ghi nhận những kết quả Chi bộ đạt được, đề nghị " +
				"nhiệm kỳ tới Chi bộ tập trung nâng cao năng lực nghiên cứu, tự chủ tài chính và đẩy mạnh chuyển " +
				"giao kết quả khảo nghiệm cho nông dân.",
			"Đại hội đã bầu đồng chí Bí thư Chi bộ nhiệm kỳ 2020 - 2022 và bầu đại biểu dự Đại hội Đảng bộ Sở lần " +
				"thứ IX.",
		},
		Hits: 784,
	},
	{
		Category: "to-chuc-dang",
		Title: "Chi bộ Trung tâm Ứng dụng KHCN và Khảo nghiệm giống: Đẩy mạnh nghiên cứu ứng dụng và chuyển giao " +
			"công nghệ vào sản xuất và đời sống",
		Published: "2020-03-12 09:05:37",
		Author:    "Ngọc Anh",
		Body: []string{
			"Xác định chuyển giao công nghệ là nhiệm vụ trọng tâm, những năm qua Chi bộ Trung tâm Ứng dụng khoa học, " +
				"công nghệ và Khảo nghiệm giống đã lãnh đạo đơn vị bám sát nhu cầu của sản xuất nông nghiệp trên địa " +
				"bàn tỉnh.",
			"Trung tâm đã làm chủ quy trình sản xuất giống nấm gốc, nấm cấp 1 và cấp 2; chuyển giao quy trình trồng " +
				"nấm sò, nấm mộc nhĩ, nấm linh chi cho nhiều hộ dân ở các huyện Gia Lộc, Tứ Kỳ, Thanh Miện. Các " +
				"giống lúa chất lượng qua khảo nghiệm được bổ sung vào cơ cấu giống của tỉnh.",
			"Mỗi đảng viên của Chi bộ đều đăng ký phụ trách ít nhất một mô hình hoặc một nội dung chuyển giao, trực " +
				"tiếp hướng dẫn kỹ thuật tại đồng ruộng. Cách làm này giúp đảng viên gắn bó với cơ sở, kịp thời nắm " +
				"bắt khó khăn của người sản xuất.",
			"Thời gian tới, Chi bộ tiếp tục lãnh đạo đơn vị đầu tư trang thiết bị, nâng cao năng lực phòng nuôi cấy " +
				"mô và mở rộng liên kết với doanh nghiệp để đưa sản phẩm khoa học và công nghệ ra thị trường.",
		},
		Image: "field",
		Hits:  692,
	},
	{
		Category:  "to-chuc-dang",
		Title:     "Sở Khoa học và Công nghệ: học tập, triển khai Nghị quyết Trung ương 7, khóa XII",
		Published: "2018-09-04 08:15:44",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Sáng 31/8/2018, Đảng ủy Sở Khoa học và Công nghệ tổ chức hội nghị học tập, quán triệt và triển khai các " +
				"Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII cho toàn thể cán bộ, đảng " +
				"viên trong Đảng bộ.",
			"Hội nghị đã được nghe giới thiệu nội dung cơ bản của Nghị quyết số 26-NQ/TW về tập trung xây dựng đội " +
				"ngũ cán bộ các cấp, nhất là cấp chiến lược; Nghị quyết số 27-NQ/TW về cải cách chính sách tiền " +
				"lương và Nghị quyết số 28-NQ/TW về cải cách chính sách bảo hiểm xã hội.",
			"Kết luận hội nghị, đồng chí Bí thư Đảng ủy Sở yêu cầu các chi bộ xây dựng kế hoạch thực hiện sát với " +
				"thực tế đơn vị; gắn việc thực hiện Nghị quyết số 26-NQ/TW với công tác quy hoạch, đào tạo, bồi " +
				"dưỡng cán bộ của Sở, nhất là đội ngũ cán bộ quản lý khoa học trẻ.",
			"Sau hội nghị, mỗi đảng viên viết bản thu hoạch và đăng ký nội dung làm theo; kết quả được dùng làm căn " +
				"cứ đánh giá, xếp loại đảng viên cuối năm.",
		},
		Hits: 1347,
	},
	{
		Category: "to-chuc-dang",
		Title: "Đảng bộ Sở Khoa học và Công nghệ nâng cao chất lượng lãnh đạo thực hiện nhiệm vụ chính trị của " +
			"ngành",
		Published: "2018-07-10 16:02:11",
		Author:    "Thanh Thuý",
		Body: []string{
			"Ngày 09/7/2018, Đảng ủy Sở Khoa học và Công nghệ tổ chức hội nghị sơ kết công tác Đảng 6 tháng đầu năm, " +
				"triển khai nhiệm vụ 6 tháng cuối năm 2018.",
			"Sáu tháng đầu năm, Đảng ủy đã lãnh đạo cơ quan triển khai 38 nhiệm vụ khoa học và công nghệ cấp tỉnh, " +
				"tổ chức nghiệm thu 12 nhiệm vụ; thực hiện thanh tra, kiểm tra đo lường, chất lượng hàng hóa tại " +
				"nhiều cơ sở kinh doanh. Công tác phát triển đảng viên được quan tâm, đã kết nạp 2 đảng viên mới.",
			"Hội nghị đã chỉ ra một số hạn chế như việc đổi mới nội dung sinh hoạt chi bộ ở một số nơi còn chậm, tỷ " +
				"lệ kết quả nghiên cứu được ứng dụng rộng rãi chưa cao. Các ý kiến thảo luận tập trung vào giải pháp " +
				"nâng cao chất lượng đề xuất đặt hàng nhiệm vụ khoa học và công nghệ.",
			"Đảng ủy yêu cầu các chi bộ tập trung lãnh đạo hoàn thành các chỉ tiêu chuyên môn năm 2018, thực hiện " +
				"nghiêm quy chế dân chủ ở cơ sở và chuẩn bị tốt cho việc kiểm điểm, đánh giá cuối năm.",
		},
		Hits: 1208,
	},
	{
		Category: "to-chuc-dang",
		Title: "Đảng ủy Sở Khoa học và Công nghệ tổ chức hội nghị học tập, quán triệt và triển khai thực hiện " +
			"Nghị quyết Hội nghị lần thứ V",
		Published: "2017-09-14 07:52:03",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Ngày 13/9/2017, Đảng ủy Sở Khoa học và Công nghệ tổ chức hội nghị học tập, quán triệt và triển khai " +
				"thực hiện Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII.",
			"Các đại biểu đã được nghe truyền đạt những nội dung cơ bản của Nghị quyết số 10-NQ/TW về phát triển " +
				"kinh tế tư nhân trở thành một động lực quan trọng của nền kinh tế thị trường định hướng xã hội chủ " +
				"nghĩa; Nghị quyết số 11-NQ/TW về hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa " +
				"và Nghị quyết số 12-NQ/TW về tiếp tục cơ cấu lại, đổi mới và nâng cao hiệu quả doanh nghiệp nhà " +
				"nước.",
			"Liên hệ với nhiệm vụ của ngành, hội nghị thống nhất tăng cường hỗ trợ doanh nghiệp tư nhân đổi mới công " +
				"nghệ, xác lập quyền sở hữu trí tuệ và áp dụng hệ thống quản lý tiên tiến, coi doanh nghiệp là trung " +
				"tâm của hoạt động đổi mới sáng tạo.",
			"Đảng ủy giao các chi bộ tổ chức thảo luận, xây dựng chương trình hành động cụ thể và báo cáo kết quả " +
				"thực hiện định kỳ 6 tháng.",
		},
		Hits: 1654,
	},
	{
		Category: "to-chuc-dang",
		Title: "Đại hội Đảng bộ Sở Khoa học và Công nghệ lần thứ VIII, nhiệm kỳ 2015-2020 diễn ra và thành công " +
			"tốt",
		Published: "2015-05-12 11:18:26",
		Author:    "Hải Ninh",
		Body: []string{
			"Ngày 11/5/2015, Đảng bộ Sở Khoa học và Công nghệ tổ chức Đại hội lần thứ VIII, nhiệm kỳ 2015 - 2020. " +
				"Đây là một trong những đại hội đảng bộ cơ sở được tổ chức sớm trong Khối các cơ quan tỉnh.",
			"Nhiệm kỳ 2010 - 2015, Đảng bộ đã lãnh đạo cơ quan hoàn thành toàn diện các nhiệm vụ được giao; nhiều đề " +
				"tài, dự án khoa học và công nghệ được ứng dụng hiệu quả trong sản xuất nông nghiệp, công nghiệp và " +
				"y tế. Đảng bộ nhiều năm liền đạt danh hiệu trong sạch, vững mạnh.",
			"Đại hội đã thảo luận, thông qua phương hướng nhiệm vụ nhiệm kỳ 2015 - 2020, trong đó xác định khâu đột " +
				"phá là đổi mới cơ chế quản lý nhiệm vụ khoa học và công nghệ theo hướng đặt hàng, gắn với nhu cầu " +
				"của doanh nghiệp và địa phương.",
			"Đại hội đã bầu Ban Chấp hành Đảng bộ khóa VIII và đoàn đại biểu dự Đại hội Đảng bộ Khối các cơ quan " +
				"tỉnh lần thứ tiếp theo.",
		},
		Image: "meeting",
		Hits:  2318,
	},
	{
		Category:  "to-chuc-dang",
		Title:     "Sở Khoa học và Công nghệ: Học tập, quán triệt và triển khai Nghị quyết Trung ương 10 khóa XI",
		Published: "2015-03-18 15:36:09",
		Author:    "Văn phòng Sở",
		Body: []string{
			"Chiều 17/3/2015, Đảng ủy Sở Khoa học và Công nghệ tổ chức hội nghị học tập, quán triệt và triển khai " +
				"thực hiện Nghị quyết Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng khóa XI.",
			"Hội nghị đã được nghe báo cáo viên của Đảng ủy Khối các cơ quan tỉnh truyền đạt các nội dung chính của " +
				"Hội nghị Trung ương 10, trong đó có việc thảo luận, cho ý kiến vào dự thảo các văn kiện trình Đại " +
				"hội XII của Đảng và công tác chuẩn bị nhân sự Ban Chấp hành Trung ương khóa XII.",
			"Đồng chí Bí thư Đảng ủy Sở đề nghị cán bộ, đảng viên tích cực nghiên cứu, đóng góp ý kiến vào dự thảo " +
				"văn kiện, đặc biệt là các nội dung liên quan đến phát triển khoa học và công nghệ; đồng thời thực " +
				"hiện tốt kế hoạch tổ chức đại hội chi bộ, đại hội Đảng bộ nhiệm kỳ 2015 - 2020.",
		},
		Hits: 1889,
	},
	{
		Category:  "to-chuc-dang",
		Title:     "Đảng ủy Sở Khoa học và Công nghệ triển khai kế hoạch tổ chức đại hội",
		Published: "2015-01-13 14:40:57",
		Author:    "Hải Ninh",
		Body: []string{
			"Thực hiện Chỉ thị số 36-CT/TW ngày 30/5/2014 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại " +
				"hội đại biểu toàn quốc lần thứ XII của Đảng và hướng dẫn của Đảng ủy Khối các cơ quan tỉnh, Đảng ủy " +
				"Sở Khoa học và Công nghệ đã ban hành kế hoạch tổ chức đại hội các chi bộ và Đại hội Đảng bộ Sở " +
				"nhiệm kỳ 2015 - 2020.",
			"Theo kế hoạch, đại hội các chi bộ trực thuộc hoàn thành trước ngày 31/3/2015; Đại hội Đảng bộ Sở dự " +
				"kiến tổ chức trong tháng 5/2015. Tiểu ban Văn kiện và Tiểu ban Nhân sự được thành lập để chuẩn bị " +
				"các nội dung trình Đại hội.",
			"Đảng ủy yêu cầu các chi bộ chuẩn bị chu đáo báo cáo chính trị, báo cáo kiểm điểm của cấp ủy; làm tốt " +
				"công tác nhân sự theo đúng quy định, bảo đảm dân chủ, khách quan; đồng thời đẩy mạnh các phong trào " +
				"thi đua lập thành tích chào mừng đại hội.",
		},
		Hits: 1985,
	},
	{
		Category:  "to-chuc-dang",
		Title:     "Đẩy mạnh ứng dụng, phát triển công nghệ thông tin đáp ứng yêu cầu phát triển bền vững",
		Published: "2015-01-13 08:33:20",
		Author:    "Phòng Quản lý công nghệ",
		Body: []string{
			"Ngày 01/7/2014, Bộ Chính trị đã ban hành Nghị quyết số 36-NQ/TW về đẩy mạnh ứng dụng, phát triển công " +
				"nghệ thông tin đáp ứng yêu cầu phát triển bền vững và hội nhập quốc tế. Thực hiện chỉ đạo của Tỉnh " +
				"ủy, Đảng ủy Sở Khoa học và Công nghệ đã tổ chức quán triệt Nghị quyết đến toàn thể cán bộ, đảng " +
				"viên.",
			"Nghị quyết xác định công nghệ thông tin là hạ tầng của hạ tầng kinh tế - xã hội; ứng dụng, phát triển " +
				"công nghệ thông tin phải gắn với quá trình đổi mới, cải cách hành chính, góp phần nâng cao năng " +
				"suất, chất lượng và hiệu quả hoạt động của các cơ quan nhà nước.",
			"Tại Sở, việc sử dụng hệ thống quản lý văn bản và điều hành, thư điện tử công vụ đã trở thành nề nếp; " +
				"cổng thông tin điện tử của Sở thường xuyên cập nhật thông tin, tiếp nhận hồ sơ thủ tục hành chính " +
				"trực tuyến trong một số lĩnh vực.",
			"Đảng ủy Sở đề nghị các chi bộ lãnh đạo đơn vị tiếp tục đầu tư hạ tầng, bồi dưỡng kỹ năng công nghệ " +
				"thông tin cho cán bộ, công chức; đồng thời đưa các ứng dụng công nghệ thông tin vào quản lý đề tài, " +
				"dự án khoa học và công nghệ.",
		},
		Hits: 2460,
	},
}
