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
      // Refusals come back as JSON too: {"error"} from the endpoint,
      // {"detail"} from the newsroom's limits (too big, too slow).
      fetch("/quan-tri/tep/trinh-soan", {method: "POST", body: fd, credentials: "same-origin",
        headers: {"X-CSRF-Token": token, "Accept": "application/json"}})
        .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, j: j}; }); })
        .then(function (res) {
          if (res.ok && res.j.location) { resolve(res.j.location); }
          else { reject({message: res.j.error || res.j.detail || "Tải ảnh thất bại", remove: true}); }
        })
        .catch(function () { reject({message: "Tải ảnh thất bại", remove: true}); });
    });
  }
  var textBlocks = "p,h1,h2,h3,h4,h5,h6,td,th,div,ul,ol,li,pre";
  function alignFormats(side) {
    return [
      { selector: "figure.image,img", collapsed: false, classes: "align-" + side, ceFalseOverride: true, preview: false },
      { selector: textBlocks, styles: { textAlign: side }, inherit: false, preview: false }
    ];
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
      // Pictures are aligned with the classes the public site styles (and
      // the sanitiser keeps), not with float styles, so that a saved
      // article opens again with its pictures where the author put them.
      formats: {
        alignleft: alignFormats("left"),
        aligncenter: alignFormats("center"),
        alignright: alignFormats("right"),
        alignjustify: [{ selector: textBlocks, styles: { textAlign: "justify" }, inherit: false }]
      },
      content_style:
        "img.align-left,figure.align-left{float:left;max-width:50%;margin:.3em 1.2em .6em 0}" +
        "img.align-right,figure.align-right{float:right;max-width:50%;margin:.3em 0 .6em 1.2em}" +
        "img.align-center,figure.align-center{display:block;margin:.6em auto}" +
        "figure.align-center{display:table}" +
        "table.table-borderless td,table.table-borderless th{border:1px dashed #ccc}",
      setup: function (ed) { ed.on("change input", function () { ed.save(); }); }
    });
  }
  // The media library opens in a window of its own, which keeps this page
  // as its opener (a target="_blank" link would not); a script here, since
  // the policy refuses event-handler attributes.
  document.addEventListener("click", function (e) {
    var a = e.target.closest("a[data-popup]");
    if (!a) { return; }
    e.preventDefault();
    window.open(a.href, a.getAttribute("data-popup"), "width=900,height=700");
  });
  // Pictures pasted or dropped are uploaded as they arrive (automatic_uploads);
  // one still on its way when the form is sent is uploaded first, so the
  // article carries the picture's address, not megabytes of data: URL. If
  // that fails, the server moves what is left into the media library.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!window.hugerte || form.getAttribute("data-images-sent")) { return; }
    var eds = window.hugerte.get().filter(function (ed) { return form.contains(ed.getElement()); });
    if (!eds.length) { return; }
    e.preventDefault();
    // The button pressed (a workflow move) is sent as a field, since the
    // form is then sent without a click.
    var pressed = e.submitter;
    if (pressed && pressed.name) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = pressed.name;
      field.value = pressed.value;
      form.appendChild(field);
    }
    Promise.all(eds.map(function (ed) { return ed.uploadImages(); }))
      .catch(function () {})
      .then(function () {
        eds.forEach(function (ed) { ed.save(); });
        form.setAttribute("data-images-sent", "1");
        HTMLFormElement.prototype.submit.call(form);
      });
  });
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
