package org.zhiban.identity;

import java.time.Instant;

import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;

/** How a login attempt ended. */
public sealed interface LoginResult {

    record Success(Actor actor) implements LoginResult {
    }

    record BadCredentials() implements LoginResult {
        public static final String MESSAGE = "用户名或密码错误";
    }

    record Locked(Instant until) implements LoginResult {

        public String message() {
            return "密码连续输错次数过多，账号已锁定至 " + Zones.MINUTE.format(until) + "，请稍后再试或联系安全管理员解锁";
        }
    }

    record Disabled() implements LoginResult {
        public static final String MESSAGE = "账号已停用，请联系单位管理员";
    }
}
