package org.zhiban.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * What a page must be at the two screens the offices use — a duty-office desk (1366×768) and a phone (390×844): no
 * axe-core violation of WCAG 2.1 A/AA of impact serious or critical, and on the phone nothing wider than the screen.
 * axe runs through the browser's debugging protocol, so the page's Content-Security-Policy stays as shipped.
 */
final class ScreenCheck {

    static final int DESK_WIDTH = 1366;
    static final int DESK_HEIGHT = 768;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private static final String AXE = axeSource();

    private static final String RUN_AXE = """
            async () => {
              const result = await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                resultTypes: ['violations']});
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ' (' + v.nodes.length + '): ' + v.help + ' — '
                  + v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.failureSummary
                    ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 160) + ']' : '')).join('; '));
            }""";

    /** What is wider than a phone's screen: the page itself, and the widest elements that stick out. */
    private static final String TOO_WIDE = """
            width => {
              if (document.documentElement.scrollWidth <= width) return [];
              const out = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-responsive, .zb-scroll-x'))
                .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                  + ' → ' + Math.round(e.getBoundingClientRect().right) + ' px');
              return ['page is ' + document.documentElement.scrollWidth + ' px wide: ' + out.join(', ')];
            }""";

    private ScreenCheck() {
    }

    /**
     * Checks the page at the desk's size and at the phone's, and leaves it at the desk's; returns what failed, each
     * line prefixed with the size it failed at.
     */
    static List<String> atBothSizes(Page page) {
        List<String> failures = new ArrayList<>();
        page.setViewportSize(DESK_WIDTH, DESK_HEIGHT);
        axe(page).forEach(v -> failures.add("1366×768 " + v));
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        axe(page).forEach(v -> failures.add("390×844 " + v));
        tooWide(page).forEach(v -> failures.add("390×844 " + v));
        page.setViewportSize(DESK_WIDTH, DESK_HEIGHT);
        return failures;
    }

    @SuppressWarnings("unchecked")
    static List<String> axe(Page page) {
        if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
            page.evaluate(AXE);
        }
        // A button just clicked may still be fading between its colours (Bootstrap's 0.15 s transitions): axe is to
        // judge the colours a person sees once the page stands still, so running transitions are brought to their end.
        page.evaluate("() => document.getAnimations().filter(a => a instanceof CSSTransition)"
                + ".forEach(a => a.finish())");
        return (List<String>) page.evaluate(RUN_AXE);
    }

    @SuppressWarnings("unchecked")
    static List<String> tooWide(Page page) {
        return (List<String>) page.evaluate(TOO_WIDE, PHONE_WIDTH);
    }

    private static String axeSource() {
        try (InputStream in = ScreenCheck.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
