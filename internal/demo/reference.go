package demo

// Reference is the department's reference article, copied from the page of
// its current Joomla site kept in shared/seed/000_a969f393d4512552.txt. The
// body is the seed's text byte for byte (only the indentation around each
// paragraph is trimmed): the source's typos ("một sốcán bộ", "điạ
// phương"), its missing spaces after full stops and the two non-breaking
// spaces inside sentences (written \u00a0 below) are kept on purpose so that
// the demo shows the page exactly as visitors see it today. reference_test.go
// checks it against the seed.
var Reference = Article{
	Category:  "to-chuc-dang",
	Title:     "Kết quả thực hiện Chỉ thị 03 năm 2014 và nhiệm vụ năm 2015",
	Published: "2015-01-28 08:10:58",
	Author:    "Hải Ninh",
	Body: []string{
		"Trong năm qua, cấp ủy các cấp đã quan tâm lãnh đạo, chỉ đạo sâu sát, toàn diện việc triển khai thực hiện " +
			"Chỉ thị số 03 của Bộ Chính trị (khóa XI) theo hướng bám sát các văn bản chỉ đạo, hướng dẫn của cấp ủy " +
			"và Bộ phận giúp việc (BPGV) Chỉ thị 03 cấp trên, nên đã phát huy được sức mạnh của cả hệ thống chính " +
			"trị trong thực hiện Chỉ thị số 03. Việc học tập chuyên đề về tấm gương đạo đức Hồ Chí Minh tại các buổi " +
			"sinh hoạt hằng tháng của các chi bộ được cán bộ, đảng viên hưởng ứng tích cực. Việc tuyên truyền, biểu " +
			"dương người tốt, việc tốt trong làm theo tấm gương đạo đức của Bác đã có tác động tích cực, góp phần " +
			"nhân rộng điển hình, đưa việc thực hiện Chỉ thị 03 ngày một đi vào chiều sâu.",
		"Năm 2014, căn cứ vào định hướng học tập chuyên đề tư tưởng về tấm gương đạo đức Hồ Chí Minh trong sinh hoạt " +
			"chi bộ của Ban Tuyên giáo Trung ương, BPGV Chỉ thị 03 Ban Thường vụ Tỉnh uỷ đã ban hành hướng dẫn số " +
			"94-HD/BPGV, ngày 16/12/2013, BPGV Chỉ thị 03 đã ban hành Hướng dẫn học tập chuyên đề và biên soạn, phát " +
			"hành 9.000 cuốn tài liệu học tập chuyên đề năm 2014 “Về nêu cao tinh thần trách nhiệm, chống chủ nghĩa " +
			"cá nhân, nói đi đôi với làm”, dùng cho sinh hoạt chi bộ, MTTQ và các đoàn thể chính trị-xã hội trong " +
			"toàn tỉnh. Nội dung các chuyên đề được chia theo quý, có hướng dẫn cụ thể về trình tự, cách thức tổ " +
			"chức sinh hoạt giúp cho đội ngũ bí thư chi bộ cơ sở chủ động trong tổ chức sinh hoạt chi bộ lồng ghép " +
			"nội dung học tập tấm gương đạo đức của Bác. Ngoài ra, một số chi bộ còn sưu tầm những mẩu chuyện về " +
			"gương người tốt, việc tốt, những đảng viên tiêu biểu để tuyên truyền ngay tại buổi sinh hoạt; việc " +
			"chuẩn bị các nội dung cơ bản đạt yêu cầu đề ra; việc đánh giá học tập chuyên đề tấm gương đạo đức Hồ " +
			"Chí Minh và kết quả việc làm theo tháng trước của chi bộ và đảng viên theo đúng văn bản hướng dẫn của " +
			"cấp trên...Việc sinh hoạt chi bộ lồng ghép nội dung học tập và làm theo gương Bác có tác dụng tích cực " +
			"trong việc gắn học tập tư tưởng, tấm gương đạo đức Hồ Chí Minh với thực hiện nhiệm vụ chính trị ở từng " +
			"cơ quan, đơn vị, địa phương.",
		"Cấp ủy các cấp tiếp tục xác định việc thực hiện Kế hoạch 35 về tập trung chỉ đạo 02 nhóm công việc đã kịp " +
			"thời đáp ứng yêu cầu thực tiễn đặt ra. Đây là những nhóm công việc, những nội dung có trọng tâm, trọng " +
			"điểm và tổ chức thực hiện cụ thể theo hướng rõ việc, rõ người, rõ trách nhiệm, rõ kết quả, góp phần " +
			"thực hành tiết kiệm, chống lãng phí, đồng thời nâng cao hiệu lực, hiệu quả sự chỉ đạo, điều hành của " +
			"các cơ quan, đơn vị, nâng cao ý thức trách nhiệm của cán bộ, đảng viên, công chức, viên chức, người " +
			"đứng đầu cơ quan, đơn vị trong giải quyết công việc, trong ứng xử với nhân dân, đáp ứng yêu cầu cải " +
			"cách hành chính trong thời kỳ mới.",
		"Trên cơ sở kết quả kiểm tra của Đoàn kiểm tra Ban Chấp hành Đảng bộ tỉnh và BPGV Chỉ thị 03 tỉnh cho thấy, " +
			"một số đơn vị như Huyện ủy Tứ Kỳ, Hội Liên hiệp phụ nữ tỉnh, Tỉnh đoàn… đã tổ chức có hiệu quả Kế hoạch " +
			"35-KH/TU, làm tốt công việc thứ nhất về nâng cao chất lượng hội nghị, cuộc họp, tạo sự chuyển biến tích " +
			"cực trong việc tổ chức các cuộc họp. Trong thực hiện nhóm công việc thứ hai đã tạo nên những chuyển " +
			"biến tích cực về ý thức trách nhiệm, thái độ phục vụ nhân dân của cán bộ, công chức, viên chức nhà " +
			"nước. Công việc thứ 2 về nâng cao ý thức trách nhiệm, kỷ cương, hiệu quả công tác của người đứng đầu, " +
			"cán bộ, công chức, viên chức các cơ quan nhà nước được quan tâm tổ chức ở nhiều cơ quan, đơn vị và bước " +
			"đầu tạo ra những chuyển biến tốt. Tinh thần, thái độ phục vụ nhân dân; ý thức trách nhiệm trong công " +
			"tác của cán bộ, công chức được nâng cao hơn; công tác cải cách hành chính, tiếp dân và giải quyết đơn " +
			"thư khiếu nại, tố cáo có chuyển biến tích cực.",
		"Thực hiện Quy định 101-QĐ/TW, ngày 07/6/2012 của Ban Bí thư về trách nhiệm nêu gương của cán bộ, đảng viên, " +
			"nhất là lãnh đạo chủ chốt các cấp. Những nội dung và yêu cầu về nêu gương đã được cụ thể hoá, trước " +
			"hết, với cán bộ lãnh đạo chủ chốt, đồng thời hướng dẫn thực hiện trong các điạ phương, cơ quan, đơn vị. " +
			"Các bản đăng ký nêu gương được yêu cầu viết tay, nội dung gắn với chức trách, nhiệm vụ của cán bộ, đảng " +
			"viên để phấn đấu. Tỷ lệ cán bộ, đảng viên thực hiện đăng ký đạt trên 90%. Đa số các bản đăng ký nêu " +
			"gương, kế hoạch rèn luyện của các cá nhân được thông qua trước tập thể nơi cán bộ, đảng viên đang sinh " +
			"hoạt và công tác. Việc tổ chức thực hiện đăng ký nêu gương đã có tác dụng phát huy vai trò tự giác đi " +
			"đầu của cán bộ, đảng viên, nhất là cán bộ chủ chốt các cấp trong chấp hành chủ trương của Đảng, chính " +
			"sách, pháp luật của Nhà nước, tạo phong trào thi đua trong cán bộ, đảng viên, đặc biệt là trong đội ngũ " +
			"cán bộ chủ chốt các cấp trong việc gương mẫu học tập và làm theo tấm gương đạo đức Hồ Chí Minh, qua đó " +
			"tạo sự lan toả và củng cố niềm tin của nhân dân vào sự lãnh đạo của Đảng, sự quản lý điều hành của " +
			"chính quyền các cấp. Những tấm gương cán bộ, đảng viên đi đầu trong đổi mới lề lối làm việc, đấu tranh " +
			"với các biểu hiện tiêu cực, hiến đất mở đường, dồn điền, đổi thửa, xây dựng nông thôn mới... được nhân " +
			"dân đánh giá tốt, củng cố niềm tin trong nhân dân.100% các cơ quan, đơn vị trong toàn tỉnh đã hoàn " +
			"thành việc xây dựng và công bố chuẩn mực đạo đức. Bên cạnh việc chỉ đạo, hướng dẫn xây dựng chuẩn mực " +
			"đạo đức, ban tuyên giáo các cấp có văn bản chỉ đạo các tổ chức đảng trực thuộc xây dựng quy định về " +
			"việc thực hiện chuẩn mực đạo đức của ngành, cơ quan, đơn vị mình, trong đó cụ thể hóa những việc phải " +
			"làm, những việc cần tránh; đánh giá, biểu dương, khen thưởng đối với tập thể, cá nhân thực hiện tốt " +
			"chuẩn mực và có hình thức xử lý, phê phán đối với tập thể, cá nhân vi phạm, thực hiện chưa tốt chuẩn " +
			"mực đạo đức, có những hành vi đạo đức không lành mạnh...",
		"Công tác chỉ đạo các cơ quan báo chí, tuyên truyền trong việc tổ chức triển khai thực hiện Chỉ thị số 03 " +
			"được các cấp uỷ đảng từ tỉnh tới cơ sở đặc biệt quan tâm. Năm 2014, BPGV Chỉ thị 03 các cấp đã tích cực " +
			"phối hợp với các ngành trong khối tuyên truyền xây dựng hàng nghìn tin, bài, phóng sự, tác phẩm văn học " +
			"nghệ thuật chủ đề về học tập và làm theo tấm gương đạo đức của Bác đăng tải trên các phương tiện thông " +
			"tin đại chúng từ tỉnh đến xã. Nhiều đơn vị tích cực phối hợp với Ban Tuyên giáo tỉnh ủy xây dựng phóng " +
			"sự chuyên đề định kỳ hằng tháng biểu dương các tập thể, cá nhân tiêu biểu trong làm theo gương Bác như: " +
			"BPGV Chỉ thị 03 huyện Tứ Kỳ, Thanh Miện, Kim Thành, Ninh Giang, Nam Sách, Thanh Hà, Thành ủy Hải Dương, " +
			"Đảng uỷ Khối Doanh nghiệp tỉnh...Ban Tuyên giáo Tỉnh ủy duy trì chuyên mục “Học tập và làm theo tấm " +
			"gương đạo đức Hồ Chí Minh” trên trang thông tin điện tử, gương người tốt, việc tốt\u00a0 và câu chuyện " +
			"về tấm gương đạo đức Hồ Chí Minh trên Bản tin nội bộ; lựa chọn, biên tập thành tích của 02 tập thể, 03 " +
			"cá nhân tiêu biểu trong học tập và làm theo tấm gương đạo đức Hồ Chí Minh gửi tham gia triển lãm Bảo " +
			"tàng Hồ Chí Minh.",
		"Tuy nhiên bên cạnh những kết quả đạt được thì trên địa bàn tỉnh Hải Dương vẫn còn một sốcán bộ lãnh đạo cơ " +
			"quan, đơn vị, địa phương chưa đưa việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh trở thành công " +
			"việc thường xuyên; còn thụ động, chờ đợi sự chỉ đạo của cấp ủy và BPGV Chỉ thị 03 cấp trên; chưa chủ " +
			"động lãnh đạo, chỉ đạo tổ chức thực hiện Chỉ thị 03, nội dung triển khai còn chung chung, chưa sát với " +
			"điều kiện cụ thể của cơ quan, đơn vị.Chất lượng học tập các chuyên đề về tấm gương đạo đức Hồ Chí Minh " +
			"trong sinh hoạt chi bộ năm 2014 ở một số nơi còn hạn chế. Cách thức truyền đạt chuyên đề của một số " +
			"đồng chí bí thư chi bộ chưa hấp dẫn, một bộ phận nhỏ đảng viên chưa thật sự tập trung học tập; việc duy " +
			"trì thảo luận, đánh giá kết quả học tập còn qua loa, đại khái; việc đề ra nhiệm vụ và liên hệ làm theo " +
			"của chi bộ còn chung chung; một số chi bộ chưa duy trì nền nếp sinh hoạt chuyên đề. Vẫn còn một số cơ " +
			"quan, đơn vị lúng túng trong tổ chức thực hiện. Một số cán bộ, đảng viên, công chức, viên chức chưa " +
			"nhận thức đầy đủ về vai trò, trách nhiệm của bản thân đối với thực hiện Kế hoạch số 35-KH/TU; một bộ " +
			"phận cán bộ, đảng viên còn\u00a0 ngại va chạm, sợ ảnh hưởng đến công việc nên chưa tích cực đấu tranh " +
			"chống các hiện tượng tiêu cực...Một số đơn vị chưa chú trọng việc phát hiện, giới thiệu gương điển hình " +
			"tiên tiến để tuyên truyền, nhân rộng; hiệu quả việc làm theo tấm gương đạo đức Hồ Chí Minh của cán bộ, " +
			"đảng viên ở một số cơ quan, đơn vị, chi bộ chưa thật sự rõ nét. Các tấm gương tiêu biểu trong học tập " +
			"và làm theo tấm gương đạo đức Hồ Chí Minh xuất hiện chưa nhiều.",
		"Năm 2015 là năm diễn ra đại hội đảng các cấp từ tỉnh tới cơ sở; năm cuối cùng thực hiện kế hoạch phát triển " +
			"kinh tế - xã hội 5 năm 2010 - 2015; năm diễn ra nhiều ngày lễ kỷ niệm lớn của đất nước và quê hương. " +
			"Chủ đề của năm 2015: “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh về trung thực, trách nhiệm; gắn " +
			"bó với nhân dân; đoàn kết, xây dựng Đảng trong sạch, vững mạnh”. Các cấp ủy Đảng, chính quyền, các ban " +
			"ngành, MTTQ, các đoàn thể chính trị - xã hội, BPGV Chỉ thị 03 các cấp tiếp tục thực hiện có hiệu quả " +
			"Chỉ thị 03-CT/TW, ngày 14/5/2011 của Bộ Chính trị và Kế hoạch 24-KH/TU, ngày 29/9/2012 của Ban Thường " +
			"vụ Tỉnh ủy, trong đó cần tập trung thực hiện một số nhiệm vụ trọng tâm sau: Tổ chức tốt việc học tập " +
			"chuyên đề tấm gương đạo đức Hồ Chí Minh hằng tháng với chủ đề “Học tập và làm theo tấm gương đạo đức Hồ " +
			"Chí Minh về trung thực, trách nhiệm; gắn bó với nhân dân; đoàn kết, xây dựng Đảng trong sạch, vững " +
			"mạnh” và tác phẩm “Đạo đức cách mạng” của Bác trong sinh hoạt chi bộ, MTTQ và các đoàn thể chính trị - " +
			"xã hội ở cơ sở, nhất là vào các dịp trước khi tổ chức đại hội Đảng cấp cơ sở. Nâng cao hiệu quả việc " +
			"làm theo tấm gương đạo đức Hồ Chí Minh, nhất là các giải pháp nhằm gắn chặt thực hiện Chỉ thị 03 với " +
			"việc tiếp tục khắc phục các hạn chế, thiếu sót sau kiểm điểm tự phê bình và phê bình theo Nghị quyết " +
			"Trung ương 4 (khoá XI) “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”. Tổ chức triển khai thực hiện " +
			"có hiệu quả phong trào “Làm theo gương Bác, thi đua đẩy mạnh xây dựng nông thôn mới”.Tập trung vận động " +
			"cán bộ, đảng viên và nhân dân tích cực hưởng ứng thực hiện chủ trương dồn ô đổi thửa, gắn với chỉnh " +
			"trang đồng ruộng; tham gia góp công sức xây dựng nông thôn mới, nhất là tại các xã đăng ký đạt đủ 19 " +
			"tiêu chí NTM trong năm 2015. Phát hiện, tuyên truyền và biểu dương kịp thời các gương điển hình, kinh " +
			"nghiệm hay, cách làm sáng tạo trong phong trào xây dựng nông thôn mới.",
	},
	Hits: 1532,
}
