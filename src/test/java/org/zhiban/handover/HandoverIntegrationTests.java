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

    @Test
    void aShiftIsHandedOverAcceptedAndWhatIsOpenCarriesOverToTheNextShifts() {
        UUID unit = UUID.fromString(unitId("陈仓区人民政府"));
        Actor outgoing = new Actor(null, "chencang-a", "赵值班", unit, Set.of(Role.DUTY_OFFICER));
        Actor incoming = new Actor(null, "chencang-b", "钱值班", unit, Set.of(Role.DUTY_OFFICER));
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
        Handover signed = handovers.prepare(outgoing, new HandoverCommand(items, equipment, "市委办文件已放值班室文件柜"));
        assertThat(signed.status()).isEqualTo(HandoverStatus.AWAITING_ACCEPTANCE);
        assertThat(signed.preparedByName()).isEqualTo("赵值班");

        assertThatThrownBy(() -> handovers.accept(outgoing, signed.id(), null))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.code()).isEqualTo("HANDOVER_SELF"));
        Handover accepted = handovers.accept(incoming, signed.id(), "已核对");
        assertThat(accepted.status()).isEqualTo(HandoverStatus.ACCEPTED);
        assertThat(accepted.acceptedByName()).isEqualTo("钱值班");
        assertThat(accepted.acceptedAt()).isNotNull();
        assertThat(events.stream(ShiftHandedOver.class)).anySatisfy(event -> {
            assertThat(event.handoverId()).isEqualTo(signed.id());
            assertThat(event.incoming()).isEqualTo("chencang-b");
        });
        assertThatThrownBy(() -> handovers.prepare(outgoing, new HandoverCommand(items, equipment, null)))
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

    private static EntryCommand entry(FollowUp followUp, String summary) {
        return new EntryCommand(EntryKind.INCOMING_CALL, null, null, summary, "孙主任", "区住建局", null, null, null, null,
                followUp, false, null);
    }
}
