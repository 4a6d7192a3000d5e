package org.zhiban.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.zhiban.notification.Inbox;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.RunningMode;

/**
 * Puts what every page's shell shows into the model of page responses only (not the REST API): the
 * signed-in person and unit, the navigation they may use, unread messages, and whether this is the trial mode.
 */
@Component
class Shell implements HandlerInterceptor {

    private final List<NavigationItem> navigation;
    private final UnitTree unitTree;
    private final Inbox inbox;
    private final boolean trialMode;
    private final boolean apiDocs;
    private final Clock clock;

    Shell(List<NavigationItem> navigation, UnitTree unitTree, Inbox inbox, Environment environment, Clock clock) {
        this.clock = clock;
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.unitTree = unitTree;
        this.inbox = inbox;
        this.trialMode = RunningMode.isEmbedded(environment);
        this.apiDocs = environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        view.addObject("trialMode", trialMode);
        view.addObject("apiDocs", apiDocs);
        view.addObject("currentPath", request.getRequestURI());
        // The application's clock, for what a page shows as of now (a review still to open is coming).
        view.addObject("now", clock.instant());
        CurrentActor.find().ifPresent(actor -> {
            view.addObject("actor", actor);
            view.addObject("actorUnitName", actor.unitId() == null ? "平台管理"
                    : unitTree.find(actor.unitId()).map(u -> u.name()).orElse(""));
            List<NavigationItem> visible = navigation.stream().filter(item -> item.visibleTo().test(actor)).toList();
            String active = active(visible, request.getRequestURI());
            view.addObject("navigation", NavigationEntry.of(visible, active));
            view.addObject("activeNavigation", active);
            view.addObject("actorRoles", roleLabels(actor));
            view.addObject("unreadCount", inbox.unread(actor));
        });
    }

    /** The item a page belongs to: the longest path the page's path starts with (/roster/filings, not /roster). */
    static String active(List<NavigationItem> items, String path) {
        return items.stream().map(NavigationItem::path)
                .filter(p -> p.equals("/") ? path.equals("/") : path.equals(p) || path.startsWith(p + "/"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static String roleLabels(Actor actor) {
        return String.join("、", actor.roles().stream().sorted().map(r -> r.label()).toList());
    }
}
