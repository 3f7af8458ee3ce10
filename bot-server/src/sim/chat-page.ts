/**
 * The chat simulator page: plain HTML and a little script, no build step. It shows the OA's
 * messages as bubbles with their buttons the way Zalo lays them out, and sends what the tester
 * types as a citizen. A developer tool: labels are bilingual and kept here rather than in i18n.
 */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mô phỏng trò chuyện OA · OA chat simulator</title>
<style>
  body { margin: 0; font: 16px/1.45 system-ui, sans-serif; background: #e9edf2; color: #111; }
  header { background: #0068ff; color: #fff; padding: 12px 16px; }
  header h1 { margin: 0; font-size: 18px; }
  header p { margin: 4px 0 0; font-size: 13px; opacity: .9; }
  #log { padding: 12px; display: flex; flex-direction: column; gap: 8px; min-height: 60vh; }
  .bubble { max-width: 85%; padding: 10px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
  .me { align-self: flex-end; background: #d4e6ff; }
  .oa { align-self: flex-start; background: #fff; box-shadow: 0 1px 1px rgba(0,0,0,.08); }
  .buttons { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
  .buttons button, .buttons a { display: block; min-height: 44px; border: 1px solid #0068ff; border-radius: 10px; background: #fff; color: #0068ff; font: inherit; text-align: center; text-decoration: none; padding: 10px; cursor: pointer; }
  form { position: sticky; bottom: 0; display: flex; gap: 8px; padding: 10px; background: #fff; border-top: 1px solid #ccd; }
  input { flex: 1; min-height: 44px; font: inherit; padding: 0 12px; border: 1px solid #99a; border-radius: 22px; }
  .tools { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 10px; background: #f6f8fb; }
  .tools button, form button { min-height: 44px; padding: 0 14px; font: inherit; border-radius: 22px; border: 1px solid #99a; background: #fff; cursor: pointer; }
  form button { background: #0068ff; color: #fff; border-color: #0068ff; }
  .status { font-size: 12px; color: #555; padding: 0 12px; }
</style>
</head>
<body>
<header>
  <h1>Dịch vụ công chủ động · Zalo OA</h1>
  <p>Môi trường mô phỏng: tin nhắn được ký và gửi qua webhook thật. Simulator: messages are signed and sent through the real webhook.</p>
</header>
<div class="tools">
  <button type="button" data-testid="chat-follow" id="follow">Quan tâm OA · Follow</button>
  <button type="button" data-testid="chat-image" id="image">Gửi ảnh · Send image</button>
  <button type="button" data-testid="chat-phone" id="phone">Gửi SĐT qua biểu mẫu · Phone by form</button>
  <button type="button" data-testid="chat-verify-phone" id="verifyphone">Xác minh SĐT trong Mini App · Verify phone in the Mini App</button>
  <button type="button" data-testid="chat-new-user" id="newuser">Người dùng mới · New user</button>
</div>
<p class="status" id="who" data-testid="chat-user"></p>
<main id="log" data-testid="chat-log" aria-live="polite"></main>
<form id="composer">
  <label for="text" style="position:absolute;left:-9999px">Tin nhắn</label>
  <input id="text" data-testid="chat-input" autocomplete="off" placeholder="Nhập tin nhắn… · Type a message…">
  <button type="submit" data-testid="chat-send">Gửi</button>
</form>
<script>
(function () {
  var KEY = "hccd.simChatUser";
  function newUser() {
    var n = String(Date.now()) + String(Math.floor(Math.random() * 1000)).padStart(3, "0");
    return { oaUserId: "81" + n.slice(-17), appUserId: "51" + n.slice(-17) };
  }
  var user = null;
  try { user = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) {}
  if (!user || !user.oaUserId) { user = newUser(); localStorage.setItem(KEY, JSON.stringify(user)); }
  var log = document.getElementById("log");
  var shown = 0;
  var mine = [];
  document.getElementById("who").textContent = "OA user id: " + user.oaUserId;

  function bubble(cls, text, buttons) {
    var div = document.createElement("div");
    div.className = "bubble " + cls;
    div.setAttribute("data-testid", cls === "me" ? "chat-mine" : "chat-reply");
    div.textContent = text;
    if (buttons && buttons.length) {
      var box = document.createElement("div");
      box.className = "buttons";
      buttons.forEach(function (b) {
        var el;
        if (b.url) { el = document.createElement("a"); el.href = b.url; el.target = "_blank"; el.rel = "noopener"; }
        else { el = document.createElement("button"); el.type = "button"; el.addEventListener("click", function () { send({ kind: "text", text: b.payload || b.title }, b.title); }); }
        el.textContent = b.title;
        el.setAttribute("data-testid", "chat-button");
        box.appendChild(el);
      });
      div.appendChild(box);
    }
    log.appendChild(div);
    window.scrollTo(0, document.body.scrollHeight);
  }

  function send(action, shownAs) {
    if (shownAs) bubble("me", shownAs);
    return fetch("/sim/chat/send", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: user, action: action }) })
      .then(function (r) { return r.json(); })
      .then(function () { setTimeout(poll, 150); });
  }

  function poll() {
    fetch("/sim/zalo/messages?format=json&userId=" + encodeURIComponent(user.oaUserId))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var list = data.messages || [];
        for (; shown < list.length; shown++) {
          var m = list[shown];
          // OA button payloads come back with the button's payload; the page keeps them for clicks.
          bubble("oa", m.text, (m.buttons || []).map(function (b) { return { title: b.title, url: b.url, payload: b.payload }; }));
        }
      })
      .catch(function () {});
  }

  document.getElementById("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = document.getElementById("text");
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ kind: "text", text: text }, text);
  });
  document.getElementById("follow").addEventListener("click", function () { send({ kind: "follow" }, "[Quan tâm OA]"); });
  document.getElementById("image").addEventListener("click", function () { send({ kind: "image" }, "[Ảnh]"); });
  document.getElementById("phone").addEventListener("click", function () {
    var p = prompt("Số điện thoại · Phone", "0912345678");
    if (p) send({ kind: "share_phone", phone: p }, "[Chia sẻ số điện thoại " + p + "]");
  });
  document.getElementById("verifyphone").addEventListener("click", function () {
    var p = prompt("Số điện thoại Zalo xác minh · Phone Zalo verifies", "0912345678");
    if (!p) return;
    bubble("me", "[Xác minh số điện thoại " + p + " trong Mini App]");
    fetch("/sim/chat/send", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: user, action: { kind: "verify_phone", phone: p } }) })
      .then(function (r) { return r.json(); })
      .then(function (r) { var el = document.getElementById("who"); el.setAttribute("data-verified", r.delivered ? "yes" : "no"); el.textContent = "OA user id: " + user.oaUserId + (r.delivered ? " · SĐT đã xác minh · phone verified" : " · chưa xác minh được · not verified"); });
  });
  document.getElementById("newuser").addEventListener("click", function () { localStorage.removeItem(KEY); location.reload(); });
  setInterval(poll, 1000);
  poll();
})();
</script>
</body>
</html>`;
