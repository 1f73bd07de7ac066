package com.servicecraft.certificate.web;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.certificate.CertificateService;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.HrScopeService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** HR → Recertification: certificates that expire within the chosen number of days (or already did). */
@Named
@ViewScoped
public class RecertificationPage implements Serializable {
    @Inject
    CertificateService certificates;
    @Inject
    HrScopeService scopes;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    private int days = 90;
    private List<CertificateService.Recertification> rows;

    public void onLoad() {
        load();
    }

    public void load() {
        SignedInUser me = currentUser.requireAny(Role.HR, Role.ADMIN);
        rows = certificates.dueForRecertification(OrganisationZone.today(clock).plusDays(Math.max(0, days)),
                scopes.visibleTo(me.id(), me.hasRole(Role.ADMIN)));
    }

    public boolean expired(LocalDate validUntil) {
        return validUntil.isBefore(OrganisationZone.today(clock));
    }

    public List<CertificateService.Recertification> getRows() { return rows; }
    public int getDays() { return days; }
    public void setDays(int days) { this.days = days; }
}
