package org.zhiban.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Each rule of each shipped policy, read from the file as the application reads it, with its citation. */
class ShippedPoliciesTests {

    private static final ShippedPolicies READER = new ShippedPolicies(null);

    @ParameterizedTest(name = "{0} {1} = {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            baoji-2022    | shift.min-duration              | DURATION     | PT8H  | 宝政办发〔2022〕43号 第八条
            baoji-2022    | shift.officer-not-leader        | BOOLEAN      | true  | 宝政办发〔2022〕43号 第八条
            baoji-2022    | leader.one-unit-at-a-time       | BOOLEAN      | true  | 宝政办发〔2022〕43号 第七条
            baoji-2022    | duty.formal-staff-only          | BOOLEAN      | true  | 宝政办发〔2022〕43号 第八条
            baoji-2022    | important-period.min-on-duty    | COUNT        | 2     | 宝政办发〔2022〕43号 第八条
            baoji-2022    | part-time.min-shifts-per-month  | COUNT        | 2     | 宝政办发〔2022〕43号 第八条
            baoji-2022    | verification.phone-feedback     | DURATION     | PT30M | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | verification.written-feedback   | DURATION     | PT1H  | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | incident.major.phone-report     | DURATION     | PT30M | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | incident.major.written-report   | DURATION     | PT1H  | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | instruction.provincial-feedback | WORKING_DAYS | 5     | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | instruction.initial-feedback    | WORKING_DAYS | 5     | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | instruction.report-to-head      | DURATION     | PT1H  | 宝政办发〔2022〕43号 第十八条
            baoji-2022    | instruction.forward-margin      | DURATION     | PT12H | 宝政办发〔2022〕43号 第十八条
            baoji-2022    | absence-notice.lead             | DAYS         | 3     | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | obituary-notice.lead            | DAYS         | 2     | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | holiday-roster.filing-lead      | DAYS         | 3     | 宝政办发〔2022〕43号 第十五条
            baoji-2022    | directory.quarterly-review      | BOOLEAN      | true  | 宝政办发〔2022〕43号 第二十五条
            baoji-2022    | video-conference.ready          | DURATION     | PT30M | 宝政办发〔2022〕43号 第二十二条
            baoji-2022    | video-push.on-request           | DURATION     | PT5M  | 宝政办发〔2022〕43号 第二十三条
            baoji-2022    | training.yearly-min             | COUNT        | 1     | 宝政办发〔2022〕43号 第三十二条
            baoji-2022    | training.pre-duty               | BOOLEAN      | true  | 宝政办发〔2022〕43号 第三十二条
            baoji-2022    | phone.answer-within-rings       | COUNT        | 3     | 宝政办发〔2022〕43号 第十条
            baoji-2022    | dutylog.long-term               | BOOLEAN      | true  | 宝政办发〔2022〕43号 第十一条
            longting-2023 | verification.phone-feedback     | DURATION     | PT8M  | 龙政办〔2023〕2号 七（三）
            longting-2023 | verification.written-feedback   | DURATION     | PT15M | 龙政办〔2023〕2号 七（三）
            longting-2023 | incident.large.report           | DURATION     | PT25M | 龙政办〔2023〕2号 七（三）
            longting-2023 | incident.major.phone-report     | DURATION     | PT8M  | 龙政办〔2023〕2号 七（三）
            longting-2023 | incident.major.written-report   | DURATION     | PT12M | 龙政办〔2023〕2号 七（三）
            longting-2023 | holiday-roster.filing-lead      | WORKING_DAYS | 3     | 龙政办〔2023〕2号 六（三）
            longting-2023 | dutylog.retention               | DAYS         | 365   | 龙政办〔2023〕2号 六（二）
            longting-2023 | duty.formal-staff-only          | BOOLEAN      | true  | 龙政办〔2023〕2号 六（六）
            x-district    | holiday-roster.filing-lead      | DAYS         | 3     | X区值班工作标准规范 第九条（二）
            x-district    | handover.incoming-early         | DURATION     | PT10M | X区值班工作标准规范 第十七条
            x-district    | holiday.daily-report            | BOOLEAN      | true  | X区值班工作标准规范 第九条（四）
            x-district    | holiday.summary-report          | BOOLEAN      | true  | X区值班工作标准规范 第九条（四）
            x-district    | duty.formal-staff-only          | BOOLEAN      | true  | X区值班工作标准规范 第四条
            x-district    | dutylog.long-term               | BOOLEAN      | true  | X区值班工作标准规范 第十二条（三）
            """)
    void eachRuleIsReadWithItsCitation(String code, String key, ValueType type, String value, String citation)
            throws IOException {
        DutyPolicy policy = READER.read(new ClassPathResource("policies/" + code + ".json"));
        PolicyRule rule = policy.rule(RuleKey.find(key).orElseThrow()).orElseThrow();
        assertThat(rule.value()).isEqualTo(new RuleValue(type, value));
        assertThat(rule.citation(policy.documentNumber())).isEqualTo(citation);
        assertThat(rule.excerpt()).isNotBlank();
    }

    @Test
    void theBaojiIncidentDeadlinesAreDefaultsToBeConfirmedLocally() throws IOException {
        DutyPolicy baoji = READER.read(new ClassPathResource("policies/baoji-2022.json"));
        assertThat(baoji.rule(RuleKey.INCIDENT_MAJOR_PHONE_REPORT).orElseThrow().toBeConfirmed()).isTrue();
        assertThat(baoji.rule(RuleKey.INCIDENT_MAJOR_WRITTEN_REPORT).orElseThrow().toBeConfirmed()).isTrue();
        assertThat(baoji.rule(RuleKey.VERIFICATION_PHONE_FEEDBACK).orElseThrow().toBeConfirmed()).isFalse();
    }

    /** Only Longting sets a period for keeping the log book; elsewhere keeping it long-term is a local default. */
    @Test
    void keepingTheLogBookLongTermIsALocalDefaultWhereTheRegulationSetsNoPeriod() throws IOException {
        for (String code : new String[] { "baoji-2022", "x-district" }) {
            DutyPolicy policy = READER.read(new ClassPathResource("policies/" + code + ".json"));
            assertThat(policy.rule(RuleKey.DUTYLOG_LONG_TERM).orElseThrow().toBeConfirmed()).as(code).isTrue();
            assertThat(policy.rule(RuleKey.DUTYLOG_RETENTION)).as(code).isEmpty();
        }
        DutyPolicy longting = READER.read(new ClassPathResource("policies/longting-2023.json"));
        assertThat(longting.rule(RuleKey.DUTYLOG_RETENTION).orElseThrow().toBeConfirmed()).isFalse();
        assertThat(longting.rule(RuleKey.DUTYLOG_LONG_TERM)).isEmpty();
    }

    @Test
    void everyShippedFileReadsCompletely() throws IOException {
        Map<String, Integer> expectedAtLeast = Map.of("baoji-2022", 30, "longting-2023", 12, "x-district", 12);
        for (var entry : expectedAtLeast.entrySet()) {
            DutyPolicy policy = READER.read(new ClassPathResource("policies/" + entry.getKey() + ".json"));
            assertThat(policy.rules()).hasSizeGreaterThanOrEqualTo(entry.getValue());
        }
    }
}
