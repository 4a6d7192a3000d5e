package org.zhiban.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryCommand;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.identity.AccountCommand;
import org.zhiban.identity.Accounts;
import org.zhiban.obligation.ObligationDesk;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/** A shift handed over and accepted, what stays open carrying over, an unaccepted shift staying open, bad input. */
@RecordApplicationEvents
class HandoverIntegrationTests extends IntegrationTestSupport {

    @Autowired
    Handovers handovers;

    @Autowired
    DutyLog dutyLog;

    @Autowired
    ApplicationEvents events;

    @Autowired
    OnDuty onDuty;

    @Autowired
    Accounts accounts;

    @Autowired
    ObligationDesk desk;

    private static final Actor ADMIN = new Actor(null, "admin", "系统管理员", null, Set.of(Role.SYSTEM_ADMIN));

    @Test
    void aShiftIsHandedOverAcceptedAndWhatIsOpenCarriesOverToTheNextShifts() {
        UUID unit = unitWithTwoShiftsManned();
        OnDuty.View now = onDuty.current(unit, clock.instant());
        OnDuty.View after = onDuty.current(unit, now.shift().end().toInstant());
        Actor outgoing = officer(unit, now.dutyOfficers().get(0), Role.DUTY_OFFICER);
        Actor incoming = officer(unit, after.dutyOfficers().get(0), Role.DUTY_OFFICER);
        // Half an hour before the change of shift (which may be earlier than the clock stood): a task is assigned.
        clock.set(now.shift().end().toInstant().minus(Duration.ofMinutes(30)));
        desk.assign(new Actor(null, "office-head", "李主任", unit, Set.of(Role.DUTY_OFFICE_HEAD)), unit, "ASSIGNED_TASK",
                "报送冬季森林防火值守安排", now.shift().end().toInstant().plus(Duration.ofDays(1)), null);
        DutyLogEntry call = dutyLog.record(outgoing, entry(FollowUp.PENDING, "群众反映虢镇供暖管道漏水，已转区住建局，待反馈"));
        DutyLogEntry settled = dutyLog.record(outgoing, entry(FollowUp.DONE, "市应急局询问值班人员在岗情况，已答复"));

        Handover draft = handovers.current(outgoing);
        assertThat(draft.id()).isNull();
        assertThat(draft.items()).anySatisfy(item -> {
            assertThat(item.entryId()).isEqualTo(call.id());
            assertThat(item.kind()).isEqualTo(FollowUp.PENDING);
        });
        assertThat(draft.items()).anySatisfy(item -> {
            assertThat(item.entryId()).isEqualTo(settled.id());
            assertThat(item.kind()).isEqualTo(FollowUp.DONE);
        });
        assertThat(draft.items()).anySatisfy(item -> assertThat(item.content()).contains("冬季森林防火"));
        assertThat(draft.equipment()).extracting(EquipmentCheck::name).containsExactlyElementsOf(Handovers.EQUIPMENT);

        List<HandoverItem> items = new ArrayList<>(draft.items());
        items.add(new HandoverItem(FollowUp.WATCH, "关注明日寒潮预警，提醒各镇做好防冻", null, null));
        List<EquipmentCheck> equipment = draft.equipment().stream()
                .map(check -> check.name().equals("传真机") ? new EquipmentCheck("传真机", false, "卡纸，已报信息科") : check)
                .toList();
        Handover signed = handovers.prepare(outgoing, new HandoverCommand(items, equipment, "市委办文件已放值班室文件柜",
                null));
        assertThat(signed.status()).isEqualTo(HandoverStatus.AWAITING_ACCEPTANCE);
        assertThat(signed.outgoingSignature()).isEqualTo(outgoing.displayName());

        assertThatThrownBy(() -> handovers.accept(outgoing, signed.id(), null, null))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.code()).isEqualTo("HANDOVER_SELF"));
        Handover accepted = handovers.accept(incoming, signed.id(), "已核对", null);
        assertThat(accepted.status()).isEqualTo(HandoverStatus.ACCEPTED);
        assertThat(accepted.incomingSignature()).isEqualTo(incoming.displayName());
        assertThat(accepted.acceptedAt()).isNotNull();
        assertThat(events.stream(ShiftHandedOver.class)).anySatisfy(event -> {
            assertThat(event.handoverId()).isEqualTo(signed.id());
            assertThat(event.incoming()).isEqualTo(incoming.username());
        });
        assertThatThrownBy(() -> handovers.prepare(outgoing, new HandoverCommand(items, equipment, null, null)))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.code()).isEqualTo("HANDOVER_ACCEPTED"));

        clock.set(accepted.shiftEnd().toInstant().plus(Duration.ofMinutes(5)));
        Handover next = handovers.current(incoming);
        assertThat(next.shiftStart()).isEqualTo(accepted.shiftEnd());
        assertThat(next.items()).anySatisfy(item -> assertThat(item.entryId()).isEqualTo(call.id()));
        assertThat(next.items()).anySatisfy(item -> assertThat(item.content()).startsWith("关注明日寒潮"));
        assertThat(next.items()).noneSatisfy(item -> assertThat(item.entryId()).isEqualTo(settled.id()));
        assertThat(handovers.lastAccepted(incoming)).get().extracting(Handover::id).isEqualTo(signed.id());

        // The shift after is not handed over: when it ends it stays open, and its officer may still write in it.
        clock.set(next.shiftEnd().toInstant().plus(Duration.ofMinutes(5)));
        assertThat(handovers.current(incoming).shiftStart()).isEqualTo(next.shiftStart());
        assertThat(handovers.openSince(unit, next.shiftEnd().toInstant())).contains(next.shiftStart().toInstant());
        Instant lateInTheOpenShift = next.shiftEnd().toInstant().minus(Duration.ofMinutes(30));
        assertThat(dutyLog.record(incoming, new EntryCommand(EntryKind.EVENT, lateInTheOpenShift.atOffset(
                next.shiftEnd().getOffset()), null, "补记：凌晨巡查值班设备正常", null, null, null, null, null, null,
                FollowUp.DONE, false, null)).occurredAt().toInstant()).isEqualTo(lateInTheOpenShift);
    }

    /**
     * The handover that started it: signed by an officer not on the shift, accepted by one not on the next, 5 h 43 min
     * before the shift ended. Each is refused, saying why; the office head signs and accepts for the shifts' officers
     * by choosing them, and the record says so.
     */
    @Test
    void onlyTheShiftsOwnOfficersSignAtTheChangeOfShiftAndTheHeadSignsForThemOnTheRecord() {
        UUID unit = unitWithTwoShiftsManned();
        OnDuty.View now = onDuty.current(unit, clock.instant());
        Instant end = now.shift().end().toInstant();
        OnDuty.View after = onDuty.current(unit, end);
        Actor outgoing = officer(unit, now.dutyOfficers().get(0), Role.DUTY_OFFICER);
        Actor stranger = new Actor(null, "other-officer", "孙值班", unit, Set.of(Role.DUTY_OFFICER));
        Actor head = new Actor(null, "office-head", "李主任", unit, Set.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        Handover draft = handovers.current(outgoing);
        HandoverCommand command = new HandoverCommand(draft.items(), draft.equipment(), null, null);
        long before = jdbc.sql("SELECT COUNT(*) FROM handover").query(Long.class).single();

        clock.set(end.minus(Duration.ofHours(5)).minus(Duration.ofMinutes(43)));
        assertThatThrownBy(() -> handovers.prepare(outgoing, command)).isInstanceOfSatisfying(ZhibanException.class,
                e -> assertThat(e.code()).isEqualTo("HANDOVER_TOO_EARLY"));
        clock.set(end.minus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> handovers.prepare(stranger, command)).isInstanceOfSatisfying(ZhibanException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("HANDOVER_NOT_ON_SHIFT");
                    assertThat(e.detail()).contains(now.dutyOfficers().get(0).name()).contains("第十二条");
                });
        assertThatThrownBy(() -> handovers.prepare(stranger, new HandoverCommand(draft.items(), draft.equipment(), null,
                now.dutyOfficers().get(0).personId()))).isInstanceOfSatisfying(ZhibanException.class,
                        e -> assertThat(e.code()).isEqualTo("HANDOVER_SIGN_FOR"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handover").query(Long.class).single()).isEqualTo(before);

        assertThatThrownBy(() -> handovers.prepare(head, command)).isInstanceOfSatisfying(ZhibanException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldProblems().get(0).field()).isEqualTo("signingFor");
                    assertThat(e.detail()).contains("请选择代哪一名值班员签字");
                });

        OnDuty.PersonOnDuty signedFor = now.dutyOfficers().get(0);
        Handover signed = handovers.prepare(head, new HandoverCommand(draft.items(), draft.equipment(), null,
                signedFor.personId()));
        assertThat(signed.outgoingSignature()).isEqualTo("由 李主任 代 " + signedFor.name() + " 签署");

        assertThatThrownBy(() -> handovers.accept(stranger, signed.id(), null, null))
                .isInstanceOfSatisfying(ZhibanException.class, e -> {
                    assertThat(e.code()).isEqualTo("HANDOVER_NOT_ON_SHIFT");
                    assertThat(e.detail()).contains(after.dutyOfficers().get(0).name());
                });
        assertThatThrownBy(() -> handovers.accept(head, signed.id(), null, after.dutyOfficers().get(0).personId()))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.code()).isEqualTo("HANDOVER_SELF"));
        Actor deputy = new Actor(null, "deputy-head", "王副主任", unit, Set.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        assertThatThrownBy(() -> handovers.accept(deputy, signed.id(), null, now.dutyOfficers().get(0).personId()))
                .isInstanceOfSatisfying(ZhibanException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("acceptingFor"));
        Handover accepted = handovers.accept(deputy, signed.id(), null, after.dutyOfficers().get(0).personId());
        assertThat(accepted.incomingSignature()).isEqualTo("由 王副主任 代 " + after.dutyOfficers().get(0).name() + " 接班");
        assertThat(handovers.get(outgoing, signed.id()).incomingSignature()).isEqualTo(accepted.incomingSignature());
    }

    @Test
    void aHandoverWithAFaultUnexplainedOrAnItemWithoutKindIsRefusedAndNothingIsWritten() {
        Api.As officer = api().as("jintai");
        Map<?, ?> fine = Map.of("name", "值班电话", "inOrder", true);
        List<Map<String, Object>> equipment = new ArrayList<>();
        Handovers.EQUIPMENT.forEach(name -> equipment.add(Map.of("name", name, "inOrder", !name.equals("传真机"))));
        Api.Response fault = officer.post("/api/v1/handovers", Map.of("items", List.of(), "equipment", equipment));
        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.body()).contains("传真机 不正常：请说明情况");

        Api.Response missing = officer.post("/api/v1/handovers", Map.of("items", List.of(), "equipment", List.of(fine)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("请检查全部值班设备");

        equipment.replaceAll(check -> Map.of("name", check.get("name"), "inOrder", true));
        Api.Response noKind = officer.post("/api/v1/handovers", Map.of("items", List.of(Map.of("content", "某事")),
                "equipment", equipment));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.body()).contains("第1项：请选择已办、待办、跟踪或关注");

        assertThat(officer.get("/api/v1/handovers/current").json().get("id").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handover WHERE unit_id = ?").param(UUID.fromString(unitId("金台区人民政府")))
                .query(Long.class).single()).isZero();
    }

    /** The list's days are bounded before they are used: the day after +999999999-12-31 used to answer 500. */
    @Test
    void theHandoverListRefusesDaysOutOfRangeNamingTheField() {
        String unit = unitId("金台区人民政府");
        Api.Response farFuture = api().as("jintai").get("/api/v1/handovers?unitId=" + unit
                + "&from=2026-01-01&to=%2B999999999-12-31");
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(farFuture.body()).contains("to").contains("日期须在 2000-01-01 至");
        Api.Response yearZero = api().as("jintai").get("/api/v1/handovers?unitId=" + unit
                + "&from=0000-01-01&to=2026-01-01");
        assertThat(yearZero.status()).isEqualTo(400);
        assertThat(yearZero.body()).contains("from");
        Api.Response reversed = api().as("jintai").get("/api/v1/handovers?unitId=" + unit
                + "&from=2026-02-01&to=2026-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("开始日期不能晚于结束日期");
    }

    /**
     * A duty office under 宝鸡市 (the Baoji rules: face-to-face signing, 第十二条) with officers on the shift now and the
     * next, and no handover yet, so that each test hands over in an office of its own.
     */
    private UUID unitWithTwoShiftsManned() {
        return onDuty.below(ADMIN, UUID.fromString(unitId("宝鸡市人民政府")), clock.instant()).stream()
                .filter(view -> view.shift() != null && !view.dutyOfficers().isEmpty()
                        && !onDuty.current(view.unitId(), view.shift().end().toInstant()).dutyOfficers().isEmpty()
                        && !view.unitId().toString().equals(unitId("金台区人民政府"))
                        && jdbc.sql("SELECT COUNT(*) FROM handover WHERE unit_id = ?").param(view.unitId())
                                .query(Long.class).single() == 0)
                .map(OnDuty.View::unitId).findFirst().orElseThrow();
    }

    /** An account made for a person on the roster, as a unit administrator would, acting as that person. */
    private Actor officer(UUID unit, OnDuty.PersonOnDuty person, Role role) {
        String username = "officer-" + person.personId().toString().substring(0, 8);
        UUID account = jdbc.sql("SELECT id FROM account WHERE username = ?").param(username).query(UUID.class)
                .optional().orElseGet(() -> accounts.create(ADMIN, new AccountCommand(username, null, person.personId(),
                        Api.DEMO_PASSWORD, Set.of(role))).id());
        return new Actor(account, username, person.name(), unit, Set.of(role));
    }

    private static EntryCommand entry(FollowUp followUp, String summary) {
        return new EntryCommand(EntryKind.INCOMING_CALL, null, null, summary, "孙主任", "区住建局", null, null, null, null,
                followUp, false, null);
    }
}
