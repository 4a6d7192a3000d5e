package org.zhiban.identity;

import org.springframework.stereotype.Service;
import org.zhiban.shared.Actor;

/**
 * Changing a password by the current one without being signed in: the way through a required change, for the login
 * page and for API clients. The current password is checked as a login is, under the lockout policy, and that check
 * commits on its own, so that a refused new password does not undo the count of a wrong current one.
 */
@Service
public class PasswordChanges {

    /** The session attribute that keeps the name typed at a login whose password must be changed, for the form. */
    public static final String TYPED_USERNAME = PasswordChanges.class.getName() + ".typedUsername";

    private final Logins logins;
    private final Accounts accounts;

    PasswordChanges(Logins logins, Accounts accounts) {
        this.logins = logins;
        this.accounts = accounts;
    }

    /** Changes the password; refuses as a login refuses, or as the password policy does (field {@code newPassword}). */
    public void change(String username, String currentPassword, String newPassword, String channel) {
        LoginResult result = logins.attempt(username, currentPassword, channel);
        Actor actor;
        if (result instanceof LoginResult.Success success) {
            actor = success.actor();
        }
        else if (result instanceof LoginResult.PasswordChangeRequired required) {
            actor = required.actor();
        }
        else {
            throw result.refusal();
        }
        accounts.changeOwnPassword(actor, currentPassword, newPassword);
    }
}
