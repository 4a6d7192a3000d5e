package org.zhiban.bench;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.People;
import org.zhiban.organization.Units;
import org.zhiban.organization.internal.PersonRepository;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.shared.ChainHash;
import org.zhiban.shared.PersonalData;
import org.zhiban.support.IntegrationTestSupport;

/** A benchmark over the province of {@link ProvinceLoader}, with what loading it takes from the application. */
abstract class ProvinceScaleSupport extends IntegrationTestSupport {

    @Autowired
    Units units;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    DutyPolicies policies;

    @Autowired
    ImportantPeriods importantPeriods;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    ChainHash chainHash;

    @Autowired
    PersonRepository personRows;

    @Autowired
    PersonalData personal;

    /** A loader of the province at {@code scale}, reporting each part's load time to {@code report}. */
    ProvinceLoader loader(double scale, Report report) {
        return new ProvinceLoader(ProvinceLoader.Shape.scaled(scale), units, people, accounts, policies,
                importantPeriods, dataSource, jdbcTemplate, transaction, passwordEncoder, chainHash, personRows,
                personal, clock, report);
    }
}
