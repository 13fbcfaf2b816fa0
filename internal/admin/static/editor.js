// Starts the WYSIWYG editor on every textarea.editor. Without JavaScript,
// or if the editor fails to load, the textarea stays and still works.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf"]');
  token = token ? token.content : "";
  function upload(blobInfo, progress) {
    return new Promise(function (resolve, reject) {
      var fd = new FormData();
      fd.append("file", blobInfo.blob(), blobInfo.filename());
      fd.append("csrf", token);
      fetch("/quan-tri/tep/trinh-soan", {method: "POST", body: fd, credentials: "same-origin",
        headers: {"X-CSRF-Token": token}})
        .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, j: j}; }); })
        .then(function (res) {
          if (res.ok && res.j.location) { resolve(res.j.location); }
          else { reject({message: res.j.error || "Tải ảnh thất bại", remove: true}); }
        })
        .catch(function () { reject({message: "Tải ảnh thất bại", remove: true}); });
    });
  }
  if (window.hugerte) {
    window.hugerte.init({
      selector: "textarea.editor",
      base_url: "/quan-tri/static/vendor/hugerte",
      suffix: ".min",
      promotion: false,
      // Our own Vietnamese strings (editor-vi.js): HugeRTE publishes none.
      language: "vi",
      language_url: "/quan-tri/static/editor-vi.js",
      iframe_aria_text: "Vùng soạn thảo nội dung",
      branding: false,
      height: 520,
      menubar: false,
      plugins: "lists advlist link image table code autolink",
      toolbar: "undo redo | blocks | bold italic underline | alignleft aligncenter alignright alignjustify | bullist numlist | link image table | removeformat code",
      // Pasted Word keeps its structure; the server's sanitiser removes the rest.
      paste_data_images: true,
      images_upload_handler: upload,
      automatic_uploads: true,
      relative_urls: false,
      convert_urls: false,
      image_caption: true,
      content_css: "default",
      setup: function (ed) { ed.on("change input", function () { ed.save(); }); }
    });
  }
  // The media library, opened to choose a featured image, hands the choice back.
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-pick-id]");
    if (!b || !window.opener) { return; }
    e.preventDefault();
    var f = window.opener.document.getElementById("image_id");
    var p = window.opener.document.getElementById("image_preview");
    if (f) { f.value = b.getAttribute("data-pick-id"); }
    if (p) { p.src = b.getAttribute("data-pick-url"); p.hidden = false; }
    window.close();
  });
})();
