package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.internal.Sleeper;
import dev.sandboxorchestrator.examples.browser.BrowserException;
import dev.sandboxorchestrator.examples.browser.Chrome;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The generic interaction a case gets when its original page has scripts: type into the first visible text
 * field, then click the first visible control (button, {@code [onclick]}, summary, in-page link, role=button).
 * Nothing is tuned per case. The targets are chosen on the original page and found again on the converted
 * page by tag, type, name and visible text and their rank among such elements (not by attributes such as
 * {@code onclick}, which become React props).
 */
final class Interaction {
    static final String HAS_SCRIPTS = "return document.scripts.length > 0 || Array.from(document.querySelectorAll('*'))"
            + ".some(e => Array.from(e.attributes).some(a => a.name.startsWith('on')));";
    static final String TYPED = "Fidelity 42";
    static final Duration AFTER = Duration.ofMillis(700);

    private static final String COMMON = """
            const visible = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
              return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
            const key = e => [e.tagName.toLowerCase(), (e.getAttribute('type') || '').toLowerCase(),
              e.getAttribute('name') || '', (e.innerText || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 80)].join('|');
            const locate = e => { const k = key(e);
              const same = Array.from(document.getElementsByTagName(e.tagName)).filter(o => visible(o) && key(o) === k);
              return {tag: e.tagName.toLowerCase(), key: k, rank: same.indexOf(e)}; };
            const find = l => Array.from(document.getElementsByTagName(l.tag)).filter(o => visible(o) && key(o) === l.key)[l.rank];
            """;
    private static final String PLAN = COMMON + """
            const leavesPage = e => { const f = e.closest('form'); const a = f && f.getAttribute('action');
              return !!a && a !== '#' && (e.tagName === 'BUTTON' ? (e.type || 'submit') === 'submit' : e.type === 'submit'); };
            const clickable = Array.from(document.querySelectorAll('button, input[type=button], input[type=submit],'
              + ' [onclick], summary, a[href^="#"]:not([href="#"]), [role=button], [role=tab]'))
              .find(e => visible(e) && !e.disabled && !leavesPage(e));
            const field = Array.from(document.querySelectorAll('textarea, input:not([type]), input[type=text],'
              + ' input[type=search], input[type=email], input[type=url], input[type=tel], input[type=number]'))
              .find(e => visible(e) && !e.disabled && !e.readOnly);
            return {click: clickable ? locate(clickable) : null, type: field ? locate(field) : null};
            """;
    private static final String MARK = COMMON + """
            const target = find(arguments[0]);
            if (!target) { return false; }
            target.setAttribute('data-fidelity-target', arguments[1]);
            return true;
            """;

    /** What to do: the locators of the field to type into and the control to click (either may be null). */
    record Plan(Map<String, Object> type, Map<String, Object> click) {
        boolean isEmpty() {
            return type == null && click == null;
        }

        String describe() {
            return (type == null ? "" : "type into " + type.get("key") + " ") + (click == null ? "" : "click " + click.get("key"));
        }
    }

    /** The page after the interaction, or why the interaction could not be done. */
    record Outcome(String text, byte[] screenshot, String error) {
    }

    private final Chrome chrome;
    private final Sleeper sleeper;

    Interaction(Chrome chrome, Sleeper sleeper) {
        this.chrome = chrome;
        this.sleeper = sleeper;
    }

    @SuppressWarnings("unchecked")
    Plan plan() {
        Map<String, Object> found = (Map<String, Object>) chrome.executeScript(PLAN);
        return new Plan((Map<String, Object>) found.get("type"), (Map<String, Object>) found.get("click"));
    }

    Outcome perform(Plan plan) {
        try {
            chrome.executeScript(PageProbe.RESEED);
            if (plan.type() != null) {
                chrome.type(mark(plan.type(), "type"), TYPED);
            }
            if (plan.click() != null) {
                click(mark(plan.click(), "click"));
            }
            sleeper.sleep(AFTER);
            return new Outcome(String.valueOf(chrome.executeScript(PageProbe.VISIBLE_TEXT)), chrome.screenshot(), null);
        } catch (BrowserException e) {
            return new Outcome("", new byte[0], e.getMessage().lines().findFirst().orElse("failed"));
        }
    }

    private String mark(Map<String, Object> locator, String role) {
        if (!Boolean.TRUE.equals(chrome.executeScript(MARK, locator, role))) {
            throw new BrowserException("no visible element " + locator.get("key") + " #" + locator.get("rank"));
        }
        return "[data-fidelity-target=" + role + "]";
    }

    /** A real click; if something covers the element, a DOM click, as both pages get the same treatment. */
    private void click(String css) {
        try {
            chrome.click(css);
        } catch (BrowserException e) {
            if (e.error().filter(List.of("element click intercepted", "element not interactable")::contains).isEmpty()) {
                throw e;
            }
            chrome.executeScript("document.querySelector(arguments[0]).click();", css);
        }
    }
}
