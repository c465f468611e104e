// totpkit staff pages: the one script, loaded from the server (no inline script; CSP script-src 'self').
// On a code page: count down the seconds, hide the code when it expires, copy it on request.
document.addEventListener("DOMContentLoaded", function () {
  addPage();
  var box = document.getElementById("code-box");
  if (!box) {
    return;
  }
  var left = parseInt(box.getAttribute("data-seconds-left"), 10);
  var code = document.getElementById("code");
  var bar = document.getElementById("countdown");
  var seconds = document.getElementById("seconds");
  var expired = document.getElementById("expired");
  var ends = Date.now() + left * 1000;
  function tick() {
    var now = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
    bar.value = now;
    seconds.textContent = String(now);
    if (now <= 0) {
      code.textContent = "";
      box.hidden = true;
      expired.hidden = false;
      return;
    }
    setTimeout(tick, 250);
  }
  tick();
  document.getElementById("copy").addEventListener("click", function () {
    if (navigator.clipboard && code.textContent) {
      navigator.clipboard.writeText(code.textContent);
    }
  });
});

// On the add page: an image pasted anywhere on the page, or dropped on the form, becomes the screenshot to read.
function addPage() {
  var input = document.getElementById("image");
  if (!input) {
    return;
  }
  function take(files) {
    if (!files || !files.length || files[0].type.indexOf("image/") !== 0) {
      return false;
    }
    var transfer = new DataTransfer();
    transfer.items.add(files[0]);
    input.files = transfer.files;
    document.getElementById("pasted").hidden = false;
    return true;
  }
  document.addEventListener("paste", function (event) {
    if (take(event.clipboardData && event.clipboardData.files)) {
      event.preventDefault();
    }
  });
  var form = document.getElementById("add-form");
  form.addEventListener("dragover", function (event) {
    event.preventDefault();
  });
  form.addEventListener("drop", function (event) {
    if (take(event.dataTransfer && event.dataTransfer.files)) {
      event.preventDefault();
    }
  });
}
