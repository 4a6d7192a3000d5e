package org.zhiban.identity;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.zhiban.shared.Actor;

/** Form login through {@link Logins}, so that the page and the API share one lockout policy. */
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final Logins logins;

    AccountAuthenticationProvider(Logins logins) {
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        LoginResult result = logins.attempt(authentication.getName(), password, "网页登录");
        if (result instanceof LoginResult.Success success) {
            return authenticated(success.actor());
        }
        if (result instanceof LoginResult.Locked locked) {
            throw new LockedException(locked.message());
        }
        if (result instanceof LoginResult.PasswordChangeRequired) {
            // Not signed in: the login page leads to the change instead, so that nothing else is usable until then.
            throw new CredentialsExpiredException(LoginResult.PasswordChangeRequired.MESSAGE);
        }
        if (result instanceof LoginResult.Disabled) {
            throw new DisabledException(LoginResult.Disabled.MESSAGE);
        }
        throw new BadCredentialsException(LoginResult.BadCredentials.MESSAGE);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static UsernamePasswordAuthenticationToken authenticated(Actor actor) {
        List<GrantedAuthority> authorities = actor.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
    }
}
