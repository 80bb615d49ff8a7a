package dev.airlock.automation;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Blocks, inside every page and frame open when a step starts, a trusted click, form submission or change on a control
 * whose name looks high-risk, unless the step that runs was approved.
 *
 * <p>The policy decides on the step's own target, but a step can activate another control: Tab
 * and Enter from a harmless link, Enter in a form whose submit button is "Pay", a label that
 * forwards its click, a control whose visible text differs from its accessible name. The gate
 * receives the control that the browser actually activates, and checks its accessible name, visible
 * text, title, value and labels. A blocked activation does nothing and is reported after the step.
 *
 * <p>NOTE: the script runs in the page's own JavaScript world. It stops steps from activating a
 * high-risk control without an approval. It is no defence against the page's own scripts, because
 * they can send any request of their origin anyway. A name spelt with look-alike letters of another script
 * passes it.
 */
final class ActivationGate {

    private static final String SCRIPT = """
            (() => {
              if (window.__airlockGate) return;
              const risky = new RegExp(%s, 'i');
              const interactive = 'button, a[href], input, select, textarea, label, summary, [role=button], [role=link],'
                  + ' [role=menuitem], [role=checkbox], [role=radio], [role=switch], [role=option], [onclick]';
              let allowed = false;
              const blocked = [];
              const clean = text => String(text).normalize('NFKC').replace(/\\s+/g, ' ').trim();
              const names = element => {
                const found = [];
                const add = text => { if (text) found.push(clean(text)); };
                add(element.getAttribute('aria-label'));
                add(element.getAttribute('title'));
                add(element.innerText || element.textContent);
                if (typeof element.value === 'string' && element.tagName !== 'TEXTAREA'
                    && !['text', 'password', 'email', 'search', 'number', 'tel', 'url'].includes(element.type)) {
                  add(element.value);
                }
                for (const label of element.labels || []) add(label.innerText || label.textContent);
                for (const id of (element.getAttribute('aria-labelledby') || '').split(/\\s+/)) {
                  const labelElement = id && document.getElementById(id);
                  if (labelElement) add(labelElement.textContent);
                }
                return found;
              };
              const check = (event, node) => {
                if (allowed || !event.isTrusted || !node || node.nodeType !== 1) return;
                let control = node.closest(interactive);
                if (!control) return;
                if (control.tagName === 'LABEL' && control.control) control = control.control;
                const name = names(control).find(text => risky.test(text));
                if (name) {
                  event.preventDefault();
                  event.stopImmediatePropagation();
                  blocked.push(name.slice(0, 200));
                }
              };
              window.addEventListener('click', event => check(event, event.composedPath()[0]), true);
              window.addEventListener('submit', event => check(event, event.submitter || event.target), true);
              window.addEventListener('change', event => {
                const node = event.composedPath()[0];
                check(event, node && node.tagName === 'SELECT' ? node.selectedOptions[0] : node);
              }, true);
              Object.defineProperty(window, '__airlockGate', {
                value: Object.freeze({ allow: value => { allowed = !!value; }, take: () => blocked.splice(0) }),
              });
            })();
            """;

    private final BrowserContext context;
    private final String script;

    ActivationGate(BrowserContext context, Pattern highRiskNames) {
        this.context = context;
        String pattern = "'" + highRiskNames.pattern().replace("\\", "\\\\").replace("'", "\\'") + "'";
        this.script = SCRIPT.formatted(pattern);
    }

    /**
     * Installs the gate in every page and frame that is open now, before a step runs; a document that has it keeps
     * it. NOTE: it is installed per step rather than as an init script, because the init script made some form
     * submissions in this setup wait for their full timeout. A frame that opens during a step has no gate.
     */
    void arm() {
        forEachFrame(frame -> frame.evaluate(script));
    }

    /** Lets the next activations pass, for a step that was approved, or blocks them again. */
    void allow(boolean allowed) {
        forEachFrame(frame -> frame.evaluate("allowed => window.__airlockGate && window.__airlockGate.allow(allowed)", allowed));
    }

    /** Returns the names of the controls blocked since the last call, from every page and frame. */
    List<String> takeBlocked() {
        List<String> names = new ArrayList<>();
        forEachFrame(frame -> {
            Object blockedInFrame = frame.evaluate("() => window.__airlockGate ? window.__airlockGate.take() : []");
            if (blockedInFrame instanceof List<?> list) {
                list.forEach(name -> names.add(String.valueOf(name)));
            }
        });
        return names;
    }

    private void forEachFrame(java.util.function.Consumer<Frame> action) {
        for (Page page : context.pages()) {
            for (Frame frame : page.frames()) {
                try {
                    action.accept(frame);
                } catch (PlaywrightException e) {
                    // A frame that navigated or closed meanwhile has a new document with a fresh gate.
                }
            }
        }
    }
}
