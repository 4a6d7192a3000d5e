package org.zhiban.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditSubject;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.internal.AccountRepository;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * The one-time setup of a new installation: while no account exists, the page {@code /setup} creates the
 * first system administrator, on presentation of a setup code that only the server's log shows.
 */
@Service
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final String setupCode;

    FirstAdministrator(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        this.setupCode = HexFormat.of().formatHex(bytes);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (isNeeded()) {
            log.warn("尚无任何账号。请打开 /setup 创建首个系统管理员，初始化码：{}", setupCode);
        }
    }

    @Transactional(readOnly = true)
    public boolean isNeeded() {
        return accounts.count() == 0;
    }

    @Transactional
    public void create(String code, String username, String displayName, String password) {
        if (!isNeeded()) {
            throw ZhibanException.conflict("SETUP_DONE", "系统已初始化，请直接登录");
        }
        if (code == null || !setupCode.equals(code.trim())) {
            throw ZhibanException.invalidField("code", "初始化码不正确，请查看服务器日志中的初始化码");
        }
        if (username == null || !username.matches("^[A-Za-z][A-Za-z0-9._-]{2,49}$")) {
            throw ZhibanException.invalidField("username", "用户名为3–50位字母、数字、点、下划线或连字符，以字母开头");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.trim();
        PasswordPolicy.weakness(password, username, java.util.List.of(name))
                .ifPresent(weakness -> { throw ZhibanException.invalidField("password", weakness); });
        Account account = new Account(UUID.randomUUID(), username, name, null, null, true, 0, null,
                EnumSet.of(Role.SYSTEM_ADMIN), 0, false);
        accounts.insert(account, passwordEncoder.encode(password), clock.instant());
        audit.record(new AuditSubject(account.id(), username, null), "SETUP_COMPLETED", "account:" + username,
                AuditOutcome.SUCCESS, "创建首个系统管理员");
    }
}
