package org.junheng.console.signin;

import jakarta.enterprise.context.RequestScoped;

/** The user of the request being served, set by {@link SessionFilter} from the session cookie. */
@RequestScoped
public class Session {

    public static final String COOKIE = "junheng_session";

    private SignedIn user;

    public SignedIn user() {
        if (user == null) {
            throw new IllegalStateException("no one is signed in");
        }
        return user;
    }

    public boolean present() {
        return user != null;
    }

    void set(SignedIn user) {
        this.user = user;
    }
}
