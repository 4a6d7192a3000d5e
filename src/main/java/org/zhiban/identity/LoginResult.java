package org.zhiban.identity;

import java.time.Instant;

import org.zhiban.shared.Actor;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/** How a login attempt ended. */
public sealed interface LoginResult {

    /** The problem that answers a login that did not succeed, for the API. */
    ZhibanException refusal();

    record Success(Actor actor) implements LoginResult {

        @Override
        public ZhibanException refusal() {
            throw new IllegalStateException("A successful login is no refusal");
        }
    }

    record BadCredentials() implements LoginResult {
        public static final String MESSAGE = "用户名或密码错误";

        @Override
        public ZhibanException refusal() {
            return new ZhibanException(401, "BAD_CREDENTIALS", MESSAGE);
        }
    }

    record Locked(Instant until) implements LoginResult {

        public String message() {
            return "密码连续输错次数过多，账号已锁定至 " + Zones.MINUTE.format(until) + "，请稍后再试或联系安全管理员解锁";
        }

        @Override
        public ZhibanException refusal() {
            return new ZhibanException(423, "ACCOUNT_LOCKED", message());
        }
    }

    record Disabled() implements LoginResult {
        public static final String MESSAGE = "账号已停用，请联系单位管理员";

        @Override
        public ZhibanException refusal() {
            return new ZhibanException(403, "ACCOUNT_DISABLED", MESSAGE);
        }
    }

    /** The password was right, but someone else set it: nothing is usable until its owner chooses a new one. */
    record PasswordChangeRequired(Actor actor) implements LoginResult {
        public static final String MESSAGE = "密码由管理员设置或重置，须先修改密码才能使用系统";

        @Override
        public ZhibanException refusal() {
            return new ZhibanException(403, "PASSWORD_CHANGE_REQUIRED", MESSAGE
                    + "：请在网页登录后按提示修改，或以 POST /api/v1/auth/password-changes 提交用户名、当前密码和新密码");
        }
    }
}
