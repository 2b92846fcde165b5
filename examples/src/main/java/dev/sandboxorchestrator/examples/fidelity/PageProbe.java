package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.SandboxTimeoutException;
import dev.sandboxorchestrator.core.internal.Sleeper;
import dev.sandboxorchestrator.examples.browser.Chrome;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Loads a page the same way for both sides of a case and records what is compared: the first screen, the full
 * page, the visible text, the console errors. Before capturing it waits for the load, web fonts and images, then
 * turns CSS animations and transitions off and scrolls to the top; {@code Math.random} and the clock are made
 * repeatable ({@link #DETERMINISM}). So two captures of a page differ only where the page differs (common
 * visual-regression practice, applied to both sides alike).
 */
final class PageProbe {
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ASSETS_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SETTLE = Duration.ofMillis(700);

    private static final String ASSETS_READY = "document.fonts.status === 'loaded'"
            + " && Array.from(document.images).every(i => i.complete || i.loading === 'lazy')";
    private static final String FREEZE = """
            const style = document.createElement('style');
            style.setAttribute('data-fidelity', 'freeze');
            style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important;'
                + ' caret-color: transparent !important; scroll-behavior: auto !important; }';
            (document.head || document.documentElement).appendChild(style);
            window.scrollTo(0, 0);
            """;
    /**
     * Makes the page's sources of chance repeatable in every document, before its own scripts run:
     * {@code Math.random} becomes a seeded generator (mulberry32) and the clock ({@code Date}, {@code Date.now})
     * starts at the same instant (2024-01-15 12:00:00 UTC) and then runs normally. So pages that show random
     * content or the time show the same in the original and the converted page, as long as they draw numbers in
     * the same order (a framework that draws first shifts the sequence). {@link #RESEED} restarts both (the clock at
     * 13:00:00) right before an interaction.
     */
    static final String DETERMINISM = """
            (() => { const initialSeed = 0x2f6b3a1d, start = Date.UTC(2024, 0, 15, 12), RealDate = Date;
              let seed = initialSeed, offset = start - RealDate.now();
              Math.random = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
                t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
              function FixedDate(...args) {
                if (!new.target) { return new RealDate(RealDate.now() + offset).toString(); }
                return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
              }
              FixedDate.prototype = RealDate.prototype;
              FixedDate.now = () => RealDate.now() + offset;
              FixedDate.UTC = RealDate.UTC;
              FixedDate.parse = RealDate.parse;
              window.Date = FixedDate;
              Object.defineProperty(window, '__fidelityReseed', {value: () => {
                seed = initialSeed; offset = start + 3600000 - RealDate.now(); }}); })();
            """;
    /** Restarts the seeded numbers and the clock, so that an interaction sees the same on both pages. */
    static final String RESEED = "if (window.__fidelityReseed) { window.__fidelityReseed(); }";
    static final String VISIBLE_TEXT = "return document.body ? document.body.innerText : '';";

    /** What one page looked like. */
    record Capture(byte[] firstScreen, byte[] fullPage, String text, List<String> consoleErrors, boolean hasScripts,
            String note) {
    }

    private final Chrome chrome;
    private final Sleeper sleeper;

    PageProbe(Chrome chrome, Sleeper sleeper) {
        this.chrome = chrome;
        this.sleeper = sleeper;
        chrome.addScriptOnNewDocument(DETERMINISM);
    }

    Capture capture(URI url) {
        chrome.navigate(url);
        chrome.waitFor("document.readyState === 'complete'", LOAD_TIMEOUT);
        String note = "";
        try {
            chrome.waitFor(ASSETS_READY, ASSETS_TIMEOUT);
        } catch (SandboxTimeoutException e) {
            note = "fonts or images still loading after " + ASSETS_TIMEOUT.toSeconds() + " s";
        }
        settle();
        byte[] first = chrome.screenshot();
        byte[] full = chrome.fullPageScreenshot();
        String text = String.valueOf(chrome.executeScript(VISIBLE_TEXT));
        boolean scripts = Boolean.TRUE.equals(chrome.executeScript(Interaction.HAS_SCRIPTS));
        return new Capture(first, full, text, chrome.consoleErrors(), scripts, note);
    }

    /** Freezes animations, scrolls to the top and gives the page's own code a moment (effects, hydration). */
    void settle() {
        chrome.executeScript(FREEZE);
        sleeper.sleep(SETTLE);
        chrome.executeScript("window.scrollTo(0, 0);");
    }
}
