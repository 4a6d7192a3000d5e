package org.zhiban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.audit.AuditTrail;
import org.zhiban.shared.KeyRing;
import org.zhiban.shared.PersonalData;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;

/**
 * ADR 0024: personal data stored in clear before the upgrade (people's numbers, the addresses notifications go to) is
 * sealed on start; a key rotation can be resumed.
 */
class PersonalDataSealsIntegrationTests extends IntegrationTestSupport {

    @Autowired
    PersonalDataSeals seals;

    @Autowired
    KeyRing keys;

    @Autowired
    List<SealedPersonalData> tables;

    @Autowired
    PersonalData personal;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditTrail audit;

    @Test
    void numbersAndAddressesStoredInClearBeforeTheUpgradeAreSealedOnStartAndStillServe() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO person (id, unit_id, name, position, mobile, office_phone, employment_type, active, "
                + "sort_order, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(id, UUID.fromString(unitId("群众路街道办事处")), "升级前人员", "科员", "13909170427", "0917-3260427",
                        "CIVIL_SERVANT", true, 99, 0, OffsetDateTime.now(clock), OffsetDateTime.now(clock))
                .update();
        UUID account = UUID.fromString(accountId("xdistrict"));
        jdbc.sql("DELETE FROM notification_channel WHERE account_id = ? AND channel = 'EMAIL'").param(account).update();
        jdbc.sql("INSERT INTO notification_channel (account_id, channel, address, enabled) VALUES (?, 'EMAIL', ?, ?)")
                .params(account, "duty@xdistrict.example", false).update();

        seals.sealOnStart();

        Map<String, Object> row = jdbc.sql("SELECT mobile, office_phone, mobile_index FROM person WHERE id = ?")
                .param(id).query().singleRow();
        String current = "v" + keys.currentVersion(KeyRing.PERSONAL) + ".";
        assertThat((String) row.get("mobile")).startsWith(current).doesNotContain("0427");
        assertThat((String) row.get("office_phone")).startsWith(current).doesNotContain("0427");
        assertThat((String) row.get("mobile_index")).hasSize(64);
        assertThat(api().as("jintai").get("/api/v1/people?q=13909170427").json().get(0).get("id").asString())
                .isEqualTo(id.toString());
        assertThat(api().as("jintai").get("/api/v1/people?q=" + "0917-3260427").json().get(0).get("name").asString())
                .isEqualTo("升级前人员");
        String address = jdbc.sql("SELECT address FROM notification_channel WHERE account_id = ? AND channel = 'EMAIL'")
                .param(account).query(String.class).single();
        assertThat(address).startsWith(current).doesNotContain("xdistrict");
        assertThat(api().as("xdistrict").get("/api/v1/notifications/channels").body())
                .contains("duty@xdistrict.example");
        assertThat(auditCount("PERSONAL_DATA_SEALED", "personal-data")).isPositive();
    }

    /**
     * A rotation seals every number again under a new key version; one stopped after making its key is carried on by
     * the next run rather than making another, and the numbers read as before throughout.
     */
    @Test
    void aKeyRotationSealsEveryNumberUnderTheNewVersionAndAStoppedOneIsCarriedOn() {
        String town = unitId("东风路街道办事处");
        String personId = api().as("jintai").get("/api/v1/units/" + town + "/people").json().get(0).get("id")
                .asString();
        String mobile = revealedMobile(personId);
        long withNumbers = jdbc.sql("SELECT COUNT(*) FROM person WHERE mobile IS NOT NULL OR office_phone IS NOT NULL")
                .query(Long.class).single();
        int before = keys.currentVersion(KeyRing.PERSONAL);

        List<String> progress = new ArrayList<>();
        PersonalDataSeals.Rotation rotation = seals.rotate(progress::add);

        assertThat(rotation.version()).isEqualTo(before + 1);
        assertThat(rotation.resumed()).isFalse();
        assertThat(rotation.sealed()).containsEntry("人员电话号码", withNumbers);
        assertThat(progress).first().asString().contains("已生成第 " + (before + 1) + " 版");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("人员电话号码 " + withNumbers + "/" + withNumbers));
        assertThat(notSealedWith(before + 1)).isZero();
        assertThat(revealedMobile(personId)).isEqualTo(mobile);

        keys.addVersion(KeyRing.PERSONAL);
        progress.clear();
        PersonalDataSeals.Rotation resumed = seals.rotate(progress::add);

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.version()).isEqualTo(before + 2);
        assertThat(progress).first().asString().contains("继续上次未完成的轮换");
        assertThat(notSealedWith(before + 2)).isZero();
        assertThat(revealedMobile(personId)).isEqualTo(mobile);
        assertThat(api().as("jintai").get("/api/v1/people?q=" + mobile).json().get(0).get("id").asString())
                .isEqualTo(personId);
        assertThat(auditCount("PERSONAL_KEY_ROTATED", "personal-data")).isGreaterThanOrEqualTo(2);
    }

    /**
     * A number changed by hand in the database does not open: a rotation leaves it as it is and names it, seals every
     * other row however many batches that takes, and the next rotation makes a new key rather than "carrying on" for
     * ever; the person's page shows the number as unreadable rather than failing.
     */
    @Test
    void aNumberChangedByHandIsLeftAsItIsAndNamedAndHoldsUpNoOtherRow() {
        PersonalDataSeals smallBatches = new PersonalDataSeals(tables, personal, keys, transactions, audit, 7);
        Map<String, Object> person = jdbc.sql("SELECT id, unit_id, mobile FROM person WHERE mobile IS NOT NULL "
                + "ORDER BY id FETCH FIRST 1 ROWS ONLY").query().singleRow();
        UUID id = (UUID) person.get("id");
        String stored = (String) person.get("mobile");
        String changed = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        jdbc.sql("UPDATE person SET mobile = ? WHERE id = ?").params(changed, id).update();

        PersonalDataSeals.Rotation rotation = smallBatches.rotate(line -> { });

        assertThat(rotation.resumed()).isFalse();
        assertThat(rotation.unreadable()).containsExactly(Map.entry("人员电话号码", 1L));
        assertThat(notSealedWith(rotation.version())).as("all but the changed row").isEqualTo(1);
        Api.Response people = api().as("admin").get("/api/v1/units/" + person.get("unit_id") + "/people");
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.body()).contains(PersonalData.UNREADABLE);

        PersonalDataSeals.Rotation next = smallBatches.rotate(line -> { });

        assertThat(next.resumed()).isFalse();
        assertThat(next.version()).isEqualTo(rotation.version() + 1);
        assertThat(next.unreadable()).containsExactly(Map.entry("人员电话号码", 1L));

        jdbc.sql("UPDATE person SET mobile = ? WHERE id = ?").params(stored, id).update();
        seals.sealOnStart();
        assertThat(notSealedWith(next.version())).as("put back, it opens and is sealed again").isZero();
    }

    /** Values of people's numbers and of notification addresses not sealed under the given key version. */
    private long notSealedWith(int version) {
        String pattern = "v" + version + ".%";
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE (mobile IS NOT NULL AND mobile NOT LIKE :p) "
                + "OR (office_phone IS NOT NULL AND office_phone NOT LIKE :p)").param("p", pattern)
                .query(Long.class).single()
                + jdbc.sql("SELECT (SELECT COUNT(*) FROM notification_channel WHERE address NOT LIKE :p) "
                        + "+ (SELECT COUNT(*) FROM notification_delivery WHERE address NOT LIKE :p)")
                        .param("p", pattern).query(Long.class).single();
    }

    private String revealedMobile(String personId) {
        return api().as("jintai").post("/api/v1/people/" + personId + "/phone-reveals", Map.of()).json().get("mobile")
                .asString();
    }
}
