// A native form control (a search box or a drop-down list) drawn in the page by a Streamlit
// components-v2 component (enact_dash/ui/native.py). `data`: {kind: "search" | "select", label, value,
// placeholder, options: [[value, label], ...]}. The chosen value goes back as the trigger "submit": for a
// search box on Enter, on leaving the box or on clearing it; for a list on each change.
export default function ({ parentElement, data, setTriggerValue }) {
  let box = parentElement.querySelector("div.enact-field");
  if (!box || box.dataset.kind !== data.kind) {
    if (box) box.remove();
    box = document.createElement("div");
    box.className = "enact-field";
    box.dataset.kind = data.kind;
    const label = document.createElement("label");
    const control = document.createElement(data.kind === "select" ? "select" : "input");
    control.id = "enact-field-control"; // one per component instance: its own shadow root
    label.htmlFor = control.id;
    if (data.kind === "search") {
      box.setAttribute("role", "search");
      control.type = "search";
      control.autocomplete = "off";
      control.spellcheck = false;
    }
    box.append(label, control);
    parentElement.append(box);
  }
  const label = box.querySelector("label");
  const control = box.querySelector("input, select");
  label.textContent = data.label;
  if (data.kind === "select") {
    const signature = JSON.stringify(data.options);
    if (control.dataset.options !== signature) {
      control.replaceChildren(...data.options.map(([value, text]) => new Option(text, value)));
      control.dataset.options = signature;
      delete control.dataset.server; // the new options need the value set again
    }
  } else {
    control.placeholder = data.placeholder || "";
    control.maxLength = data.maxLength || 100;
  }
  // The server's value wins only when it changed: a rerun for another reason keeps what is being typed.
  if (control.dataset.server !== data.value) {
    control.value = data.value;
    control.dataset.server = data.value;
    control.dataset.sent = data.value;
  }
  const send = () => {
    if (control.value !== control.dataset.sent) {
      control.dataset.sent = control.value;
      setTriggerValue("submit", control.value);
    }
  };
  control.onchange = send;
  if (data.kind === "search") {
    control.onsearch = send; // Enter, or the clear button
    control.onkeydown = (event) => {
      if (event.key === "Enter") send();
    };
  }
}
