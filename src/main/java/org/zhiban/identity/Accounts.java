package org.zhiban.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;
import org.zhiban.organization.Person;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * Account administration. The system administrator creates accounts anywhere; a unit administrator creates
 * and manages accounts within its unit's subtree with the four unit roles; the security administrator grants
 * and revokes any role and unlocks accounts. No one changes their own roles, and every change is audited.
 */
@Service
public class Accounts {

    static final Set<Role> UNIT_ROLES = EnumSet.of(Role.DUTY_OFFICER, Role.LEADER_ON_DUTY, Role.DUTY_OFFICE_HEAD,
            Role.UNIT_ADMIN);

    private final AccountRepository accounts;
    private final ApiTokens tokens;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final PasswordEncoder passwordEncoder;
    private final SessionTermination sessions;
    private final AuditTrail audit;
    private final Clock clock;

    Accounts(AccountRepository accounts, ApiTokens tokens, UnitTree unitTree, UnitScope scope,
            PasswordEncoder passwordEncoder, SessionTermination sessions, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitTree = unitTree;
        this.scope = scope;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Account> visibleTo(Actor actor) {
        if (actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            return accounts.all();
        }
        if (actor.has(Role.UNIT_ADMIN) && actor.unitId() != null) {
            return accounts.within(actor.unitId());
        }
        throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员、安全管理员或单位管理员可以查看账号");
    }

    /** Enabled accounts of a unit holding any of the roles, for modules that address people by role (no scope check). */
    @Transactional(readOnly = true)
    public List<Account> holdersOf(UUID unitId, Set<Role> roles) {
        return accounts.enabledInUnitWithRoles(unitId, roles);
    }

    /** The enabled accounts of a person, e.g. to tell a duty officer that a colleague asks to swap a shift. */
    @Transactional(readOnly = true)
    public List<Account> linkedTo(UUID personId) {
        return accounts.enabledOfPerson(personId);
    }

    /** The person an account belongs to; platform accounts have none. */
    @Transactional(readOnly = true)
    public Optional<UUID> personOf(UUID accountId) {
        return accounts.findById(accountId).map(Account::personId);
    }

    /**
     * The name of the person behind each of these accounts, by username: a record written under a login name shows
     * who wrote it. A username of no account, or of an account without a person, is absent.
     */
    @Transactional(readOnly = true)
    public Map<String, String> personNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        accounts.personIdsByUsername(usernames).forEach((username, personId) -> unitTree.findPerson(personId)
                .ifPresent(person -> names.put(username, person.name())));
        return names;
    }

    @Transactional(readOnly = true)
    public Account get(Actor actor, UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> notFound(accountId));
        requireVisible(actor, account);
        return account;
    }

    /** Whether the first login must choose a new password: it must wherever an administrator chose the first one. */
    public enum FirstLogin {
        CHANGE_PASSWORD,
        /** Only for the trial's demo accounts, whose password the README documents and every demo relies on. */
        KEEP_PASSWORD
    }

    /** A new account whose owner must choose a new password at the first login. */
    @Transactional
    public Account create(Actor actor, AccountCommand command) {
        return create(actor, command, FirstLogin.CHANGE_PASSWORD);
    }

    @Transactional
    public Account create(Actor actor, AccountCommand command, FirstLogin firstLogin) {
        if (!actor.hasAny(Role.SYSTEM_ADMIN, Role.UNIT_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员或单位管理员可以新建账号");
        }
        Set<Role> roles = EnumSet.copyOf(command.roles());
        requireSeparatedPlatformRoles(roles);
        Person person = null;
        if (command.personId() != null) {
            person = unitTree.findPerson(command.personId()).orElseThrow(
                    () -> ZhibanException.invalidField("personId", "人员不存在：" + command.personId()));
        }
        boolean platform = Role.anyPlatformRole(roles);
        if (platform && !actor.has(Role.SYSTEM_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员可以新建平台管理员账号");
        }
        if (platform && !roles.stream().allMatch(Role::isPlatformRole)) {
            throw ZhibanException.invalidField("roles", "平台管理员账号不能同时担任单位内的值班角色");
        }
        if (!platform && person == null) {
            throw ZhibanException.invalidField("personId", "单位账号必须关联一名人员");
        }
        if (person != null && !platform) {
            scope.requireManageable(actor, person.unitId(), () -> ZhibanException.invalidField("personId",
                    "人员不存在：" + command.personId()));
            requireGrantable(actor, roles);
        }
        String username = command.username().trim();
        if (accounts.exists(username)) {
            throw new ZhibanException(409, "DUPLICATE_USERNAME", "用户名“" + username + "”已被使用",
                    List.of(new ZhibanException.FieldProblem("username", "用户名已被使用")));
        }
        String displayName = command.displayName() != null && !command.displayName().isBlank()
                ? command.displayName().trim() : person != null ? person.name() : username;
        PasswordPolicy.weakness(command.password(), username,
                        person == null ? List.of(displayName) : List.of(displayName, person.name()))
                .ifPresent(weakness -> { throw ZhibanException.invalidField("password", weakness); });
        Account account = new Account(UUID.randomUUID(), username, displayName,
                person == null ? null : person.id(), platform || person == null ? null : person.unitId(), true, 0, null,
                roles, 0, firstLogin == FirstLogin.CHANGE_PASSWORD);
        accounts.insert(account, passwordEncoder.encode(command.password()), clock.instant());
        audit.record("ACCOUNT_CREATED", "account:" + username, AuditOutcome.SUCCESS, "角色：" + labels(roles)
                + (account.passwordChangeRequired() ? "；首次登录须修改密码" : ""));
        return account;
    }

    @Transactional
    public Account changeRoles(Actor actor, UUID accountId, Set<Role> wanted) {
        Account account = accounts.findById(accountId).orElseThrow(() -> notFound(accountId));
        requireVisible(actor, account);
        if (account.id().equals(actor.accountId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "不能修改自己的角色");
        }
        Set<Role> roles = wanted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(wanted);
        requireSeparatedPlatformRoles(roles);
        if (!actor.has(Role.SECURITY_ADMIN)) {
            if (!actor.has(Role.UNIT_ADMIN) || Role.anyPlatformRole(account.roles())) {
                throw ZhibanException.forbidden("FORBIDDEN", "只有安全管理员可以调整该账号的角色");
            }
            requireGrantable(actor, roles);
        }
        if (account.unitId() == null && !roles.stream().allMatch(Role::isPlatformRole)) {
            throw ZhibanException.invalidField("roles", "未关联单位的账号只能担任平台管理员角色");
        }
        if (account.unitId() != null && Role.anyPlatformRole(roles)) {
            throw ZhibanException.invalidField("roles", "单位账号不能担任平台管理员角色，请另建平台管理员账号");
        }
        accounts.replaceRoles(accountId, roles);
        // A changed permission takes effect at once: open sessions and tokens of the account end.
        sessions.endAll(account.username());
        tokens.revokeAllOf(accountId);
        audit.record("ROLES_CHANGED", "account:" + account.username(), AuditOutcome.SUCCESS,
                labels(account.roles()) + " → " + labels(roles));
        return accounts.findById(accountId).orElseThrow();
    }

    @Transactional
    public Account unlock(Actor actor, UUID accountId) {
        if (!actor.has(Role.SECURITY_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有安全管理员可以解锁账号");
        }
        Account account = accounts.findById(accountId).orElseThrow(() -> notFound(accountId));
        accounts.clearFailures(accountId);
        audit.record("ACCOUNT_UNLOCKED", "account:" + account.username(), AuditOutcome.SUCCESS, null);
        return accounts.findById(accountId).orElseThrow();
    }

    @Transactional
    public Account setEnabled(Actor actor, UUID accountId, boolean enabled) {
        Account account = accounts.findById(accountId).orElseThrow(() -> notFound(accountId));
        requireManageable(actor, account);
        if (account.id().equals(actor.accountId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "不能停用自己的账号");
        }
        accounts.setEnabled(accountId, enabled);
        if (!enabled) {
            sessions.endAll(account.username());
            tokens.revokeAllOf(accountId);
        }
        audit.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account:" + account.username(),
                AuditOutcome.SUCCESS, null);
        return accounts.findById(accountId).orElseThrow();
    }

    /**
     * Sets a password that someone else chose, effective at once: the owner must change it at the next login, and
     * every open session and token of the account ends. Callers have checked who may reset and the password policy.
     */
    void applyReset(Account account, String passwordHash, String detail) {
        accounts.updatePassword(account.id(), passwordHash, true, clock.instant());
        accounts.clearFailures(account.id());
        sessions.endAll(account.username());
        tokens.revokeAllOf(account.id());
        audit.record("PASSWORD_RESET", "account:" + account.username(), AuditOutcome.SUCCESS, detail);
    }

    /**
     * Who may reset an account's password: the security administrator any but their own; the system administrator
     * and a unit administrator those they manage. Whether it takes effect at once is {@link PasswordResets}'s rule.
     */
    Account requireResettable(Actor actor, UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> notFound(accountId));
        if (account.id().equals(actor.accountId())) {
            throw ZhibanException.forbidden("FORBIDDEN", "不能重置自己的密码，请在“修改密码”中以当前密码修改");
        }
        if (!actor.has(Role.SECURITY_ADMIN)) {
            requireManageable(actor, account);
        }
        return account;
    }

    @Transactional
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        String hash = accounts.passwordHash(actor.accountId()).orElseThrow(() -> notFound(actor.accountId()));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw ZhibanException.invalidField("currentPassword", "当前密码不正确");
        }
        requireStrong("newPassword", newPassword, accounts.findById(actor.accountId()).orElseThrow());
        accounts.updatePassword(actor.accountId(), passwordEncoder.encode(newPassword), false, clock.instant());
        // Also without a session (a required change at login): the record names the account itself.
        audit.record(AuditSubject.of(actor), "PASSWORD_CHANGED", "account:" + actor.username(), AuditOutcome.SUCCESS,
                null);
    }

    /** The password policy for a password that replaces the account's current one, naming the form's field. */
    void requireStrong(String field, String password, Account account) {
        String currentHash = accounts.passwordHash(account.id()).orElseThrow();
        PasswordPolicy.weakness(password, account.username(), userInputs(account),
                        candidate -> passwordEncoder.matches(candidate, currentHash))
                .ifPresent(weakness -> { throw ZhibanException.invalidField(field, weakness); });
    }

    /** The person's name and the account's display name, which a password must not be built from. */
    private List<String> userInputs(Account account) {
        List<String> inputs = new java.util.ArrayList<>(List.of(account.displayName()));
        if (account.personId() != null) {
            unitTree.findPerson(account.personId()).map(Person::name).ifPresent(inputs::add);
        }
        return inputs;
    }

    /** 三员分立: refuses a role set holding two or more of the platform roles. */
    static void requireSeparatedPlatformRoles(Set<Role> roles) {
        if (RoleSeparation.combinesPlatformRoles(roles)) {
            throw ZhibanException.invalidField("roles", "系统管理员、安全管理员、安全审计员须由不同账号担任，不能同时授予："
                    + labels(RoleSeparation.platformRolesIn(roles)));
        }
    }

    private void requireGrantable(Actor actor, Set<Role> roles) {
        if (actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.SECURITY_ADMIN)) {
            return;
        }
        if (!UNIT_ROLES.containsAll(roles)) {
            throw ZhibanException.forbidden("FORBIDDEN", "单位管理员只能授予值班员、带班领导、值班室负责人、单位管理员角色");
        }
    }

    /** An account of another tree (or a platform account, for a unit account) is answered as not found. */
    private void requireVisible(Actor actor, Account account) {
        if (actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            return;
        }
        if (account.unitId() == null) {
            ZhibanException answer = notFound(account.id());
            throw ZhibanException.outOfScope(answer.code(), answer.detail());
        }
        scope.requireVisible(actor, account.unitId(), () -> notFound(account.id()));
        if (!actor.has(Role.UNIT_ADMIN)) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员、安全管理员或单位管理员可以查看账号");
        }
    }

    private void requireManageable(Actor actor, Account account) {
        if (actor.has(Role.SYSTEM_ADMIN)) {
            return;
        }
        requireVisible(actor, account);
        if (Role.anyPlatformRole(account.roles())) {
            throw ZhibanException.forbidden("FORBIDDEN", "无权管理该账号");
        }
    }

    private static ZhibanException notFound(UUID accountId) {
        return ZhibanException.notFound("ACCOUNT_NOT_FOUND", "账号不存在：" + accountId);
    }

    static String labels(java.util.Collection<Role> roles) {
        return roles.isEmpty() ? "无" : roles.stream().sorted().map(Role::label).collect(Collectors.joining("、"));
    }
}
