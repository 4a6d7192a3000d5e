package org.zhiban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Prepares the kill drill on a running instance with the demo organisation, through the REST API as its users would:
 * picks duty offices of two trees — 龙亭区's and 宝鸡市's, each its own office first and then the offices below it —
 * whose officer is on a shift that runs well past the drill, gives each officer on duty an account (created by {@code admin}), and has each
 * tree's duty office head tighten the incident report deadlines of the tree's policy to a minute or two, so that they
 * fall due while an instance is down and after it is back. Where the demo left the month's rosters as drafts, the head
 * solves and publishes them first. Writes the plan for {@link KillDrillLoad}: one line per unit with the officer's
 * token, and the deadlines in effect for each unit.
 *
 * <pre>usage: KillDrillSetup base-url work-dir units-per-tree</pre>
 */
final class KillDrillSetup {

    /** The trees the drill writes in: one under 龙政办〔2023〕2号 (levels II and III), one under the Baoji rules (II). */
    private static final List<String> TREES = List.of("开封市龙亭区人民政府", "宝鸡市人民政府");
    /** The deadlines set for the drill, where the tree's policy holds the rule. */
    private static final Map<String, String> DEADLINES = Map.of(
            "incident.major.phone-report", System.getProperty("drill.phone", "PT1M"),
            "incident.major.written-report", System.getProperty("drill.written", "PT2M"),
            "incident.large.report", System.getProperty("drill.large", "PT90S"));
    private static final String CITATION = "演练：报告时限收紧至分钟级，使时限在实例停机期间和重启之后到期";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** An officer whose shift ends sooner than this is not used: the drill must not cross a shift change. */
    private static final Duration SHIFT_LEFT = Duration.ofMinutes(20);

    public static void main(String[] args) throws Exception {
        DrillApi api = new DrillApi(args[0], Duration.ofMinutes(3));
        Path work = Path.of(args[1]);
        int perTree = Integer.parseInt(args[2]);
        String admin = api.token("admin", "Zhiban#2026");
        Files.writeString(work.resolve("admin.token"), admin);
        String password = password();
        OffsetDateTime enough = OffsetDateTime.now().plus(SHIFT_LEFT);
        List<String> plan = new ArrayList<>();
        List<String> policy = new ArrayList<>();
        int officers = 0;
        JsonNode roots = api.require("GET", "/api/v1/units", admin, null);
        for (String tree : TREES) {
            String topId = null;
            for (JsonNode root : roots) {
                topId = root.get("name").asString().equals(tree) ? root.get("id").asString() : topId;
            }
            if (topId == null) {
                throw new IllegalStateException("no unit " + tree + " at the top of the demo organisation");
            }
            String head = headOf(api, admin, topId, password);
            tighten(api, head, topId);
            List<JsonNode> units = onShift(onDuty(api, admin, topId), enough);
            if (units.size() < perTree) {
                System.out.println("  " + tree + ": " + units.size() + " duty offices with an officer on duty; its "
                        + "duty office head solves and publishes the month's rosters of the tree");
                publishRosters(api, head, topId, onDuty(api, admin, topId));
                units = onShift(onDuty(api, admin, topId), enough);
            }
            if (units.size() < perTree) {
                throw new IllegalStateException("only " + units.size() + " duty offices of " + tree + " have an "
                        + "officer on a shift running past " + enough + "; run the drill later");
            }
            for (JsonNode unit : units.subList(0, perTree)) {
                String unitId = unit.get("unitId").asString();
                String username = "drill-officer-" + ++officers;
                api.require("POST", "/api/v1/accounts", admin, Map.of("username", username, "personId",
                        unit.get("dutyOfficers").get(0).get("personId").asString(), "password", password, "roles",
                        List.of("DUTY_OFFICER")));
                plan.add(String.join("\t", unitId, unit.get("unitName").asString(), username,
                        firstToken(api, username, password)));
                for (JsonNode rule : api.require("GET", "/api/v1/units/" + unitId + "/policy", admin, null)) {
                    String key = rule.get("key").asString();
                    if (key.startsWith("incident.") && rule.get("type").asString().equals("DURATION")) {
                        policy.add(String.join("\t", unitId, key,
                                Long.toString(Duration.parse(rule.get("value").asString()).toMillis())));
                    }
                }
            }
        }
        Files.write(work.resolve("plan.tsv"), plan);
        Files.write(work.resolve("policy.tsv"), policy);
        plan.forEach(line -> System.out.println("  " + line.substring(0, line.lastIndexOf('\t'))));
    }

    /** Who is on duty now in a unit and every unit below it (in the order of the tree), as the on-duty board shows. */
    private static List<JsonNode> onDuty(DrillApi api, String admin, String topId) throws Exception {
        List<JsonNode> views = new ArrayList<>();
        views.add(api.require("GET", "/api/v1/units/" + topId + "/on-duty", admin, null));
        api.require("GET", "/api/v1/units/" + topId + "/on-duty/subordinates", admin, null).forEach(views::add);
        return views;
    }

    /** The units, in the tree's order, with an officer on a shift that runs past until. */
    private static List<JsonNode> onShift(List<JsonNode> views, OffsetDateTime until) {
        List<JsonNode> units = new ArrayList<>();
        for (JsonNode view : views) {
            JsonNode shift = view.get("shift");
            if (shift != null && !shift.isNull() && !view.get("dutyOfficers").isEmpty()
                    && OffsetDateTime.parse(shift.get("end").asString()).isAfter(until)) {
                units.add(view);
            }
        }
        return units;
    }

    /**
     * What the duty office head does when the month's rosters are still drafts (the demo's few seconds of solving
     * can fall short on a busy machine): solves the tree's month at once and publishes each draft it can.
     */
    private static void publishRosters(DrillApi api, String head, String topId, List<JsonNode> views) throws Exception {
        String month = YearMonth.now(CHINA).toString();
        api.require("POST", "/api/v1/units/" + topId + "/rosters/" + month + "/subtree-solving?seconds=60", head, null);
        for (JsonNode view : views) {
            String unitId = view.get("unitId").asString();
            DrillApi.Answer roster = api.send("GET", "/api/v1/units/" + unitId + "/rosters/" + month, head, null);
            if (roster.ok() && roster.body().get("status").asString().equals("DRAFT")) {
                DrillApi.Answer published = api.send("POST", "/api/v1/rosters/" + roster.body().get("id").asString()
                        + "/publication", head, null);
                if (!published.ok()) {
                    System.out.println("    " + view.get("unitName").asString() + ": not published: "
                            + published.body().path("detail").asString(""));
                }
            }
        }
    }

    /** An account for the tree's 值班室主任 as its duty office head; returns its token. */
    private static String headOf(DrillApi api, String admin, String unitId, String password) throws Exception {
        JsonNode head = null;
        for (JsonNode person : api.require("GET", "/api/v1/units/" + unitId + "/people", admin, null)) {
            if (person.get("position").asString().equals("值班室主任") && person.get("active").asBoolean()) {
                head = person;
            }
        }
        if (head == null) {
            throw new IllegalStateException("no 值班室主任 in unit " + unitId);
        }
        String username = "drill-head-" + unitId.substring(0, 8);
        api.require("POST", "/api/v1/accounts", admin, Map.of("username", username, "personId",
                head.get("id").asString(), "password", password, "roles", List.of("DUTY_OFFICE_HEAD")));
        return firstToken(api, username, password);
    }

    /**
     * An account an administrator created chooses its own password before it may have a token, as the product
     * asks of every such account; returns the token it then gets.
     */
    private static String firstToken(DrillApi api, String username, String initial) throws Exception {
        String chosen = password();
        api.require("POST", "/api/v1/auth/password-changes", null, Map.of("username", username, "currentPassword",
                initial, "newPassword", chosen));
        return api.token(username, chosen);
    }

    /** The duty office head tightens the report deadlines the tree's policy holds, for the tree. */
    private static void tighten(DrillApi api, String head, String unitId) throws Exception {
        List<String> held = new ArrayList<>();
        api.require("GET", "/api/v1/units/" + unitId + "/policy", head, null)
                .forEach(rule -> held.add(rule.get("key").asString()));
        for (Map.Entry<String, String> deadline : DEADLINES.entrySet()) {
            if (held.contains(deadline.getKey())) {
                api.require("PUT", "/api/v1/units/" + unitId + "/policy/rules/" + deadline.getKey(), head,
                        Map.of("value", deadline.getValue(), "citation", CITATION));
            }
        }
    }

    /** A password of this run only, strong by any policy: four character classes, 20 random characters. */
    private static String password() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Dr#");
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.append("7q").toString();
    }
}
