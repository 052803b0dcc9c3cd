/* 건강상점 door desk and booth page: read ticket QR codes with the phone's camera.
 *
 * Loaded with <script src defer> (no inline script: the CSP forbids it). The page marks the camera block
 * with data-scanner; data-scanner-form names the hidden form that a read fills (code, nonce, door) and
 * submits with requestSubmit(), so htmx posts it when it is loaded and the browser posts it when it is not.
 * The browser's BarcodeDetector reads the code where it exists; elsewhere the vendored jsQR
 * (static/vendor/jsqr, Apache-2.0) is loaded on first use from data-scanner-fallback.
 *
 * Each new read gets a fresh nonce (crypto.randomUUID): the server answers a repeat of the same nonce
 * with the first answer, so a post that is retried after a dropped connection never counts twice. The
 * same code read again within 3 seconds of its last sighting is ignored (the camera sees a held-up ticket
 * many times a second).
 *
 * Also: the door name is kept in localStorage and copied into every form that carries a door; after an
 * htmx answer the typed code field is cleared for the next visitor; [data-print] buttons print the page.
 */
(function () {
  "use strict";

  var SAME_CODE_MS = 3000;
  var READ_EVERY_MS = 200;
  var RETRY_MS = 1500;
  var DOOR_KEY = "majubom.fair-desk.door";

  function freshNonce() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* --- the door name, remembered on this phone -------------------------------------------------------- */

  function storedDoor() {
    try { return window.localStorage.getItem(DOOR_KEY) || ""; } catch (e) { return ""; }
  }

  function copyDoor(value) {
    document.querySelectorAll("[data-door-copy]").forEach(function (input) { input.value = value; });
  }

  function setUpDoor() {
    var field = document.querySelector("[data-door]");
    if (!field) { return; }
    if (!field.value && storedDoor()) { field.value = storedDoor(); }
    copyDoor(field.value);
    field.addEventListener("input", function () {
      try { window.localStorage.setItem(DOOR_KEY, field.value.trim()); } catch (e) { /* private mode */ }
      copyDoor(field.value.trim());
    });
    // Forms swapped in later (search results, the walk-in form) get the door too.
    document.body.addEventListener("htmx:afterSettle", function () { copyDoor(field.value.trim()); });
  }

  /* --- after an answer: clear the typed code for the next visitor ----------------------------------- */

  function setUpTypedForms() {
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var form = event.detail.elt;
      if (!event.detail.successful || !form || form.tagName !== "FORM") { return; }
      var code = form.querySelector("input[name=code]:not([type=hidden])");
      if (code) {
        code.value = "";
        code.focus({ preventScroll: true });
      }
    });
  }

  function setUpPrint() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* --- the camera ---------------------------------------------------------------------------------- */

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function makeReader(fallbackUrl) {
    // The browser's own detector when it reads QR codes; else jsQR on a downscaled frame.
    if ("BarcodeDetector" in window) {
      return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
        if (formats.indexOf("qr_code") === -1) { return jsQrReader(fallbackUrl); }
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        return function (video) {
          return detector.detect(video).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
        };
      }, function () { return jsQrReader(fallbackUrl); });
    }
    return jsQrReader(fallbackUrl);
  }

  function jsQrReader(fallbackUrl) {
    var ready = window.jsQR ? Promise.resolve() : loadScript(fallbackUrl);
    return ready.then(function () {
      var canvas = document.createElement("canvas");
      var context = canvas.getContext("2d", { willReadFrequently: true });
      return function (video) {
        var width = video.videoWidth, height = video.videoHeight;
        if (!width || !height) { return Promise.resolve(null); }
        var scale = Math.min(1, 640 / Math.max(width, height));
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(height * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        return Promise.resolve(found ? found.data : null);
      };
    });
  }

  function beep() {
    try {
      if (!beep.context) { return; }
      var oscillator = beep.context.createOscillator();
      var gain = beep.context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.value = 0.08;
      oscillator.connect(gain);
      gain.connect(beep.context.destination);
      oscillator.start();
      oscillator.stop(beep.context.currentTime + 0.09);
    } catch (e) { /* sound is a nicety */ }
  }

  function Scanner(root) {
    this.root = root;
    this.form = document.getElementById(root.dataset.scannerForm);
    this.video = root.querySelector("[data-scanner-video]");
    this.frame = root.querySelector("[data-scanner-frame]");
    this.status = root.querySelector("[data-scanner-status]");
    this.start = root.querySelector("[data-scanner-start]");
    this.stop = root.querySelector("[data-scanner-stop]");
    this.stream = null;
    this.read = null;
    this.timer = null;
    this.busy = false;
    this.lastCode = "";
    this.lastAt = 0;
    this.retried = false;
  }

  Scanner.prototype.say = function (key) {
    this.status.textContent = this.root.dataset["msg" + key] || "";
  };

  Scanner.prototype.setUp = function () {
    var self = this;
    if (!this.form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
    this.root.hidden = false;
    this.start.addEventListener("click", function () { self.open(); });
    this.stop.addEventListener("click", function () { self.close(); self.say("Stopped"); });
    document.addEventListener("visibilitychange", function () {
      if (document.hidden && self.stream) { self.close(); self.say("Stopped"); }
    });
    // While a read is on its way nothing new is read; a dropped connection retries once, same nonce.
    this.form.addEventListener("htmx:beforeRequest", function () { self.busy = true; self.say("Sending"); });
    this.form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) {
        self.busy = false;
        self.retried = false;
        self.say(self.stream ? "Ready" : "Stopped");
      }
    });
    this.form.addEventListener("htmx:sendError", function () {
      if (!self.retried) {
        self.retried = true;
        window.setTimeout(function () { self.submit(); }, RETRY_MS);
        return;
      }
      self.busy = false;
      self.retried = false;
      self.lastCode = "";
      self.say("Offline");
    });
    this.form.addEventListener("htmx:responseError", function () {
      self.busy = false;
      self.say("Offline");
    });
  };

  Scanner.prototype.open = function () {
    var self = this;
    this.say("Starting");
    try {  // sound may start only from a tap: make its context now
      var Audio = window.AudioContext || window.webkitAudioContext;
      if (Audio && !beep.context) { beep.context = new Audio(); }
    } catch (e) { /* no sound */ }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(function (stream) {
        self.stream = stream;
        self.video.srcObject = stream;
        self.video.setAttribute("playsinline", "");
        self.frame.hidden = false;
        self.start.hidden = true;
        self.stop.hidden = false;
        return self.video.play();
      })
      .then(function () { return self.read || makeReader(self.root.dataset.scannerFallback); })
      .then(function (read) {
        self.read = read;
        self.say("Ready");
        self.loop();
      })
      .catch(function () {
        self.close();
        self.say("Denied");
      });
  };

  Scanner.prototype.close = function () {
    window.clearTimeout(this.timer);
    this.timer = null;
    if (this.stream) {
      this.stream.getTracks().forEach(function (track) { track.stop(); });
    }
    this.stream = null;
    this.video.srcObject = null;
    this.frame.hidden = true;
    this.start.hidden = false;
    this.stop.hidden = true;
  };

  Scanner.prototype.loop = function () {
    var self = this;
    if (!this.stream) { return; }
    var next = function () { self.timer = window.setTimeout(function () { self.loop(); }, READ_EVERY_MS); };
    if (this.busy || this.video.readyState < 2) { next(); return; }
    this.read(this.video).then(function (value) {
      if (value) { self.found(value); }
      next();
    }, next);
  };

  Scanner.prototype.found = function (value) {
    // A ticket held up to the camera is seen many times a second: the same code counts again only after
    // it has been out of sight for 3 seconds (each sighting restarts the wait), so one visitor is one scan.
    var now = Date.now();
    var same = value === this.lastCode && now - this.lastAt < SAME_CODE_MS;
    this.lastAt = now;
    if (same) { return; }
    this.lastCode = value;
    if (navigator.vibrate) { navigator.vibrate(60); }
    beep();
    this.form.elements.code.value = value;
    this.form.elements.nonce.value = freshNonce();
    var door = document.querySelector("[data-door]");
    if (door && this.form.elements.door) { this.form.elements.door.value = door.value.trim(); }
    this.retried = false;
    this.submit();
  };

  Scanner.prototype.submit = function () {
    if (window.htmx) { this.busy = true; }
    if (typeof this.form.requestSubmit === "function") {
      this.form.requestSubmit();
    } else {
      this.form.submit();
    }
  };

  function setUp() {
    setUpDoor();
    setUpTypedForms();
    setUpPrint();
    document.querySelectorAll("[data-scanner]").forEach(function (root) { new Scanner(root).setUp(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
