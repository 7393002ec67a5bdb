// A native form control (a search box, a drop-down list or a date) drawn in the page by a Streamlit
// components-v2 component (enact_dash/ui/native.py). `data`: {kind: "search" | "select" | "date", label,
// value, placeholder, maxLength, options: [[value, label], ...], min, max (dates: YYYY-MM-DD)}. The chosen
// value goes back as the trigger "submit": for a search box on Enter, on leaving the box or on clearing
// it; for a list on each choice (with the keyboard, once the arrows rest or on Enter or leaving: one
// rerun per choice, not per key); for a date on each choice in the browser's calendar opened with the
// mouse or a touch, and otherwise (typed, or chosen in a calendar opened with the keyboard) on Enter or
// on leaving the field: each digit typed makes a date (0002, 0020, 0202, 2026). A date with a part
// left empty is not sent; one cleared entirely is sent as "".
const KEY_REST_MS = 700;

export default function ({ parentElement, data, setTriggerValue }) {
  let box = parentElement.querySelector("div.enact-field");
  if (!box || box.dataset.kind !== data.kind) {
    if (box) box.remove();
    box = document.createElement("div");
    box.className = "enact-field";
    box.dataset.kind = data.kind;
    const label = document.createElement("label"); // wraps the control: no id needed
    const text = document.createElement("span");
    const control = document.createElement(data.kind === "select" ? "select" : "input");
    if (data.kind === "search") {
      control.type = "search";
      control.autocomplete = "off";
      control.spellcheck = false;
    } else if (data.kind === "date") {
      control.type = "date";
    }
    label.append(text, control);
    box.append(label);
    parentElement.append(box);
  }
  const control = box.querySelector("input, select");
  box.querySelector("label > span").textContent = data.label;
  if (data.kind === "select") {
    const signature = JSON.stringify(data.options);
    if (control.dataset.options !== signature) {
      control.replaceChildren(...data.options.map(([value, text]) => new Option(text, value)));
      control.dataset.options = signature;
      delete control.dataset.server; // the new options need the value set again
    }
  } else if (data.kind === "date") {
    control.min = data.min || "";
    control.max = data.max || "";
  } else {
    control.placeholder = data.placeholder || "";
    control.maxLength = data.maxLength || 100;
  }

  // The server's value is the filter's (and the URL's). It is shown, but not while the visitor is still
  // typing or choosing after sending it: a value coming back that they sent themselves (this one or an
  // earlier one, as reruns may overlap) leaves what they do meanwhile alone. Any other value (a reset,
  // a link) is shown at once.
  // A search comes back as the filters keep it (filters.clean_text: runs of spaces made one).
  const kept = (value) =>
    data.kind === "search" ? value.split(/\s+/).filter(Boolean).join(" ").slice(0, control.maxLength) : value;
  const focused = control.getRootNode().activeElement === control;
  control.pending ??= new Set(); // values sent (as kept) and not yet seen back as the latest
  if (control.dataset.server !== data.value || !focused) {
    const ownValueBack = focused && control.pending.has(data.value);
    if (!ownValueBack) control.value = data.value;
    control.dataset.server = data.value;
    if (!ownValueBack || data.value === kept(control.dataset.sent)) {
      control.dataset.sent = data.value;
      control.pending.clear();
    }
  }

  const send = () => {
    clearTimeout(control.restTimer);
    // A date with a part left empty reads as "" (as a cleared one), with badInput: nothing to send yet.
    if (data.kind === "date" && control.validity.badInput) return;
    if (control.value !== control.dataset.sent) {
      control.dataset.sent = control.value;
      control.pending.add(kept(control.value));
      setTriggerValue("submit", control.value);
    }
  };
  control.onkeydown = (event) => {
    if (event.key === "Enter" && !event.isComposing) send();
    else if (data.kind !== "search") control.keyed = true;
  };
  control.onpointerdown = () => {
    control.keyed = false;
  };
  control.onblur = send;
  if (data.kind === "select") {
    control.onchange = () => {
      clearTimeout(control.restTimer);
      if (control.keyed) control.restTimer = setTimeout(send, KEY_REST_MS);
      else send();
    };
  } else if (data.kind === "date") {
    control.onchange = () => {
      if (!control.keyed) send(); // the calendar's choice; typed: on Enter or on leaving
    };
  } else {
    control.onchange = send;
    // The clear button (Chromium, Safari). Enter is the keydown's: the browser fires "search" for it
    // too, but from a task that may run after the next keys, which would send a half-typed word.
    control.onsearch = () => {
      if (control.value === "") send();
    };
  }
}
