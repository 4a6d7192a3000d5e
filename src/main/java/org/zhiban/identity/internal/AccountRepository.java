package org.zhiban.identity.internal;

import static org.zhiban.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhiban.identity.Account;
import org.zhiban.shared.Role;

@Repository
public class AccountRepository {

    private static final String COLUMNS = "a.id, a.username, a.display_name, a.person_id, a.unit_id, a.enabled, "
            + "a.failed_attempts, a.locked_until, a.version, a.password_change_required";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account account, String passwordHash, Instant now) {
        OffsetDateTime at = utc(now);
        jdbc.sql("""
                INSERT INTO account (id, username, password_hash, display_name, person_id, unit_id, enabled,
                                     failed_attempts, locked_until, password_changed_at, created_at, version,
                                     password_change_required)
                VALUES (?,?,?,?,?,?,?,0,NULL,?,?,0,?)""")
                .params(account.id(), account.username(), passwordHash, account.displayName(), account.personId(),
                        account.unitId(), account.enabled(), at, at, account.passwordChangeRequired())
                .update();
        replaceRoles(account.id(), account.roles());
    }

    public Optional<Account> findById(UUID id) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.id = ?").param(id).query(this::map)
                .optional());
    }

    public Optional<Account> findByUsername(String username) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.username = ?").param(username)
                .query(this::map).optional());
    }

    /** Locks the account row until the transaction ends, so that concurrent logins count failures exactly. */
    public Optional<Account> lockByUsername(String username) {
        return one(jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.username = ? FOR UPDATE")
                .param(username).query(this::map).optional());
    }

    public Optional<String> passwordHash(UUID accountId) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(accountId).query(String.class)
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    public List<Account> all() {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM account a ORDER BY a.username").query(this::map).list());
    }

    /** Accounts of units at or below {@code unitId}. */
    public List<Account> within(UUID unitId) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM account a JOIN unit_closure c "
                + "ON c.descendant_id = a.unit_id WHERE c.ancestor_id = ? ORDER BY c.depth, a.username")
                .param(unitId).query(this::map).list());
    }

    /** Enabled accounts of one unit holding any of the given roles. */
    public List<Account> enabledInUnitWithRoles(UUID unitId, Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return withRoles(jdbc.sql("SELECT DISTINCT " + COLUMNS + " FROM account a JOIN account_role r "
                + "ON r.account_id = a.id WHERE a.unit_id = :unit AND a.enabled = TRUE AND r.role IN (:roles) "
                + "ORDER BY a.username")
                .param("unit", unitId)
                .param("roles", roles.stream().map(Role::name).toList())
                .query(this::map).list());
    }

    /** Enabled accounts linked to one person. */
    public List<Account> enabledOfPerson(UUID personId) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM account a WHERE a.person_id = ? AND a.enabled = TRUE "
                + "ORDER BY a.username").param(personId).query(this::map).list());
    }

    /** The person each of these usernames belongs to; usernames of no account or of a platform account are absent. */
    public Map<String, UUID> personIdsByUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT username, person_id FROM account WHERE username IN (:names) AND person_id IS NOT NULL")
                .param("names", List.copyOf(usernames))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void recordFailure(UUID accountId, int failedAttempts, Instant lockedUntil, Instant at) {
        jdbc.sql("UPDATE account SET failed_attempts = ?, locked_until = ?, last_failed_at = ? WHERE id = ?")
                .params(failedAttempts, lockedUntil == null ? null : utc(lockedUntil), utc(at), accountId)
                .update();
    }

    public void clearFailures(UUID accountId) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL, last_failed_at = NULL WHERE id = ?")
                .param(accountId).update();
    }

    /** What a login attempt checks beside the account itself. */
    public Credentials credentials(UUID accountId) {
        return jdbc.sql("SELECT password_hash, last_failed_at FROM account WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> {
                    OffsetDateTime lastFailedAt = rs.getObject(2, OffsetDateTime.class);
                    return new Credentials(rs.getString(1), lastFailedAt == null ? null : lastFailedAt.toInstant());
                })
                .single();
    }

    public record Credentials(String passwordHash, Instant lastFailedAt) {
    }

    /** A new password; {@code changeRequired} when someone else set it (a reset), so that its owner must change it. */
    public void updatePassword(UUID accountId, String passwordHash, boolean changeRequired, Instant now) {
        jdbc.sql("UPDATE account SET password_hash = ?, password_changed_at = ?, password_change_required = ?, "
                + "version = version + 1 WHERE id = ?")
                .params(passwordHash, utc(now), changeRequired, accountId)
                .update();
    }

    /** The same password hashed again (a stronger algorithm): neither its age nor the account's version changes. */
    public void rehashPassword(UUID accountId, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = ? WHERE id = ?").params(passwordHash, accountId).update();
    }

    public void setEnabled(UUID accountId, boolean enabled) {
        jdbc.sql("UPDATE account SET enabled = ?, version = version + 1 WHERE id = ?").params(enabled, accountId)
                .update();
    }

    public void replaceRoles(UUID accountId, Set<Role> roles) {
        jdbc.sql("DELETE FROM account_role WHERE account_id = ?").param(accountId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(accountId, role.name())
                    .update();
        }
        jdbc.sql("UPDATE account SET version = version + 1 WHERE id = ?").param(accountId).update();
    }

    private Optional<Account> one(Optional<Account> account) {
        return account.map(a -> withRoles(List.of(a)).get(0));
    }

    private List<Account> withRoles(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return accounts;
        }
        Map<UUID, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT account_id, role FROM account_role WHERE account_id IN (:ids)")
                .param("ids", accounts.stream().map(Account::id).toList())
                .query((rs, n) -> roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        return accounts.stream()
                .map(a -> new Account(a.id(), a.username(), a.displayName(), a.personId(), a.unitId(), a.enabled(),
                        a.failedAttempts(), a.lockedUntil(), roles.getOrDefault(a.id(), Set.of()), a.version(),
                        a.passwordChangeRequired()))
                .toList();
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("person_id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), lockedUntil == null ? null : lockedUntil.toInstant(), Set.of(),
                rs.getInt("version"), rs.getBoolean("password_change_required"));
    }
}
