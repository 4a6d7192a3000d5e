package org.zhiban.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.NavigationItem;

/** The first page after login: the account's own duty office and what lies below it. */
@Controller
class HomeController {

    private final Units units;

    HomeController(Units units) {
        this.units = units;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = CurrentActor.require();
        List<Unit> roots = units.scopeRoots(actor);
        model.addAttribute("roots", roots);
        if (actor.unitId() != null && !roots.isEmpty()) {
            Unit unit = roots.get(0);
            model.addAttribute("unit", unit);
            model.addAttribute("summary", units.summary(actor, unit.id()));
            model.addAttribute("children", units.children(actor, unit.id()));
        }
        return "home";
    }

    @Bean
    static NavigationItem homeNavigationItem() {
        return NavigationItem.forEveryone(0, "值班总览", "/");
    }
}
