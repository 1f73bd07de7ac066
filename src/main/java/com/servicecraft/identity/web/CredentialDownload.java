package com.servicecraft.identity.web;

import com.servicecraft.identity.TemporaryCredential;
import com.servicecraft.identity.TemporaryCredentialSheet;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.util.List;

/** Sends just-issued temporary passwords as a CSV attachment from a Faces action (never cached). */
final class CredentialDownload {
    private CredentialDownload() {
    }

    static void send(List<TemporaryCredential> credentials) throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ext = fc.getExternalContext();
        ext.responseReset();
        ext.setResponseContentType("text/csv; charset=UTF-8");
        ext.setResponseHeader("Content-Disposition", "attachment; filename=\"temporary-passwords.csv\"");
        ext.setResponseHeader("Cache-Control", "no-store");
        List<String> headers = List.of(Messages.text("user.username"), Messages.text("user.employeeNumber"),
                Messages.text("user.displayName"), Messages.text("credentials.password"), Messages.text("credentials.validUntil"));
        TemporaryCredentialSheet.write(credentials, headers, com.servicecraft.shared.time.OrganisationZone.zone(), ext.getResponseOutputStream());
        fc.responseComplete();
    }
}
