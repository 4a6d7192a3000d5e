package org.zhiban.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.handover.internal.HandoverRepository.HandoverRow;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.ValueType;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/** One test per handover rule. */
class HandoverRulesTests {

    private static final Instant T = Instant.parse("2026-11-26T00:30:00Z");

    @Test
    void everyItemHasAKindAndContentAndBlankRowsAreDropped() {
        List<HandoverItem> items = Handovers.requireItemsComplete(List.of(new HandoverItem(FollowUp.PENDING, " 回复市局 ",
                null, null), new HandoverItem(null, " ", null, null)));
        assertThat(items).containsExactly(new HandoverItem(FollowUp.PENDING, "回复市局", null, null));
        assertThatThrownBy(() -> Handovers.requireItemsComplete(List.of(new HandoverItem(FollowUp.WATCH, "", null, null))))
                .hasMessageContaining("第1项：请写明事项内容");
        assertThatThrownBy(() -> Handovers.requireItemsComplete(List.of(new HandoverItem(null, "某事", null, null))))
                .hasMessage("第1项：请选择已办、待办、跟踪或关注");
    }

    @Test
    void equipmentNotInOrderMustBeExplainedAndAllOfItChecked() {
        List<EquipmentCheck> all = new ArrayList<>(Handovers.EQUIPMENT.stream()
                .map(name -> new EquipmentCheck(name, true, null)).toList());
        assertThat(Handovers.requireEquipmentExplained(all)).hasSize(Handovers.EQUIPMENT.size());
        all.set(0, new EquipmentCheck(Handovers.EQUIPMENT.get(0), false, " "));
        assertThatThrownBy(() -> Handovers.requireEquipmentExplained(all))
                .hasMessage(Handovers.EQUIPMENT.get(0) + " 不正常：请说明情况");
        assertThatThrownBy(() -> Handovers.requireEquipmentExplained(all.subList(1, all.size())))
                .hasMessageContaining("请检查全部值班设备");
    }

    @Test
    void nobodyAcceptsTheirOwnHandoverAndTheRefusalCitesOnlyTheUnitsOwnRule() {
        HandoverRow row = row(HandoverStatus.AWAITING_ACCEPTANCE);
        EffectivePolicy faceToFace = new EffectivePolicy(UUID.randomUUID(), List.of(new EffectiveRule(
                "handover.signed-face-to-face", "交接班书面签字、当面交接", ValueType.BOOLEAN, "true", "是",
                "某规范 第五条", "某规范", UUID.randomUUID(), false, false)));
        assertThatThrownBy(() -> Handovers.requireIncomingNotOutgoing(row, actor("a"), faceToFace))
                .isInstanceOfSatisfying(ZhibanException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.detail()).isEqualTo("交班人不能自己接班，须由接班值班员确认（某规范 第五条）");
                });
        EffectivePolicy silent = new EffectivePolicy(UUID.randomUUID(), List.of());
        assertThatThrownBy(() -> Handovers.requireIncomingNotOutgoing(row, actor("a"), silent))
                .isInstanceOfSatisfying(ZhibanException.class,
                        e -> assertThat(e.detail()).isEqualTo("交班人不能自己接班，须由接班值班员确认"));
        Handovers.requireIncomingNotOutgoing(row, actor("b"), faceToFace);
    }

    @Test
    void anAcceptedHandoverIsFinal() {
        Handovers.requireNotAccepted(row(HandoverStatus.AWAITING_ACCEPTANCE));
        assertThatThrownBy(() -> Handovers.requireNotAccepted(row(HandoverStatus.ACCEPTED)))
                .hasMessageContaining("不能再改");
    }

    @Test
    void theIncomingOfficerTakesOverTheTimeThePolicyAsksBeforeTheShiftEnds() {
        Instant end = Instant.parse("2026-11-27T00:30:00Z");
        EffectiveRule tenMinutes = new EffectiveRule("handover.incoming-early", "接班人员提前到岗", ValueType.DURATION,
                "PT10M", "10 分钟", "X区值班工作标准规范 第十七条", "X区值班工作标准规范", UUID.randomUUID(), false, false);
        assertThat(Handovers.lateAcceptance(end.minusSeconds(600), end, Optional.of(tenMinutes))).isEmpty();
        assertThat(Handovers.lateAcceptance(end.minusSeconds(300), end, Optional.of(tenMinutes))).get().asString()
                .contains("应于 2026-11-27 08:20 前接班").contains("第十七条");
        assertThat(Handovers.lateAcceptance(end.plusSeconds(3600), end, Optional.empty())).isEmpty();
    }

    @Test
    void theSignerIsAnOfficerOfTheShiftOrTheHeadSigningForOneOfThemByChoice() {
        OnDuty.PersonOnDuty wang = new OnDuty.PersonOnDuty(UUID.randomUUID(), "王值班", null);
        List<OnDuty.PersonOnDuty> shift = List.of(wang);
        Actor officer = actor("wang");
        Actor head = new Actor(null, "head", "李主任", UUID.randomUUID(), Set.of(Role.DUTY_OFFICE_HEAD, Role.DUTY_OFFICER));
        assertThat(Handovers.requireOnShift(shift, wang.personId(), officer, null, "signingFor", "第十二条")).isEmpty();
        assertThatThrownBy(() -> Handovers.requireOnShift(shift, UUID.randomUUID(), officer, null, "signingFor",
                "宝政办发〔2022〕43号 第十二条")).isInstanceOfSatisfying(ZhibanException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.detail()).contains("本班值班员：王值班").contains("第十二条").doesNotContain("代哪一名");
                });
        assertThatThrownBy(() -> Handovers.requireOnShift(shift, null, head, null, "signingFor", "第十二条"))
                .isInstanceOfSatisfying(ZhibanException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldProblems().get(0).field()).isEqualTo("signingFor");
                    assertThat(e.detail()).contains("请选择代哪一名值班员签字（本班值班员：王值班").contains("第十二条");
                });
        assertThatThrownBy(() -> Handovers.requireOnShift(List.of(), null, head, null, "signingFor", "第十二条"))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(Handovers.requireOnShift(shift, null, head, wang.personId(), "signingFor", "第十二条"))
                .contains("王值班");
        assertThatThrownBy(() -> Handovers.requireOnShift(shift, null, head, UUID.randomUUID(), "signingFor", "第十二条"))
                .isInstanceOfSatisfying(ZhibanException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> Handovers.requireOnShift(shift, UUID.randomUUID(), officer, wang.personId(),
                "signingFor", "第十二条")).isInstanceOfSatisfying(ZhibanException.class,
                        e -> assertThat(e.code()).isEqualTo("HANDOVER_SIGN_FOR"));
    }

    @Test
    void aHandoverIsSignedAtTheChangeOfShiftNotHoursBefore() {
        Instant end = Instant.parse("2026-11-27T00:30:00Z");
        EffectivePolicy baoji = new EffectivePolicy(UUID.randomUUID(), List.of(new EffectiveRule(
                "handover.signed-face-to-face", "交接班书面签字、当面交接", ValueType.BOOLEAN, "true", "是",
                "宝政办发〔2022〕43号 第十二条", "宝鸡市值班工作规范", UUID.randomUUID(), false, false)));
        assertThatThrownBy(() -> Handovers.requireWithinWindow(end.minus(Duration.ofMinutes(343)), end, baoji))
                .isInstanceOfSatisfying(ZhibanException.class, e -> {
                    assertThat(e.code()).isEqualTo("HANDOVER_TOO_EARLY");
                    assertThat(e.detail()).contains("2026-11-27 07:30 起方可交接").contains("第十二条");
                });
        Handovers.requireWithinWindow(end.minus(Handovers.HANDOVER_WINDOW), end, baoji);
        Handovers.requireWithinWindow(end.plus(Duration.ofHours(3)), end, baoji);
        EffectivePolicy silent = new EffectivePolicy(UUID.randomUUID(), List.of());
        Handovers.requireWithinWindow(end.minus(Duration.ofHours(6)), end, silent);
        assertThat(Handovers.signingRule(silent)).isEmpty();
        EffectivePolicy early = new EffectivePolicy(UUID.randomUUID(), List.of(new EffectiveRule(
                "handover.incoming-early", "接班人员提前到岗", ValueType.DURATION, "PT90M", "90 分钟",
                "某规范 第一条", "某规范", UUID.randomUUID(), false, false)));
        assertThat(Handovers.opensAt(end, early)).isEqualTo(end.minus(Duration.ofMinutes(90)));
    }

    private static HandoverRow row(HandoverStatus status) {
        return new HandoverRow(UUID.randomUUID(), UUID.randomUUID(), T, T, status, null, "a", "甲", T,
                status == HandoverStatus.ACCEPTED ? "b" : null, status == HandoverStatus.ACCEPTED ? "乙" : null,
                status == HandoverStatus.ACCEPTED ? T : null, null, null, null);
    }

    private static Actor actor(String username) {
        return new Actor(null, username, username, UUID.randomUUID(), Set.of(Role.DUTY_OFFICER));
    }
}
