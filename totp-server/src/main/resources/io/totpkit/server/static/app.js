// totpkit staff pages: the one script, loaded from the server (no inline script; CSP script-src 'self').
// On a code page: count down the seconds, hide the code when it expires, copy it on request.
document.addEventListener("DOMContentLoaded", function () {
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
