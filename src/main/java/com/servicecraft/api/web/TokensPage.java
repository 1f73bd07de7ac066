package com.servicecraft.api.web;

import com.servicecraft.api.ApiScope;
import com.servicecraft.api.ApiToken;
import com.servicecraft.api.ApiTokenService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** API tokens for HR systems: create (shown once), list, revoke. */
@Named
@ViewScoped
public class TokensPage implements Serializable {
    @Inject
    ApiTokenService tokens;

    private String name;
    private List<ApiScope> scopes = new ArrayList<>(List.of(ApiScope.COMPLETIONS_READ));
    private String createdToken;
    private transient List<ApiToken> list;

    public void onLoad() {
        list = tokens.list();
    }

    /** Which input each refusal of {@link #create} is about. */
    public static final java.util.Map<String, String> INPUT_OF_REFUSAL = java.util.Map.of(
            "token.nameRequired", "tokenForm:name", "token.scopeRequired", "tokenForm:scopes");

    public void create() {
        try {
            createdToken = tokens.create(name, scopes.isEmpty() ? EnumSet.noneOf(ApiScope.class) : EnumSet.copyOf(scopes));
            name = null;
            Messages.info("token.created");
        } catch (UserInputException e) {
            Messages.error(e, INPUT_OF_REFUSAL);
        }
        list = tokens.list();
    }

    public void revoke(long id) {
        try {
            tokens.revoke(id);
            Messages.info("token.revoked");
        } catch (UserInputException e) {
            Messages.error(e);
        }
        createdToken = null;
        list = tokens.list();
    }

    public List<ApiToken> getList() {
        if (list == null) {
            list = tokens.list();
        }
        return list;
    }

    public ApiScope[] getAllScopes() { return ApiScope.values(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<ApiScope> getScopes() { return scopes; }
    public void setScopes(List<ApiScope> scopes) { this.scopes = scopes; }
    public String getCreatedToken() { return createdToken; }
}
