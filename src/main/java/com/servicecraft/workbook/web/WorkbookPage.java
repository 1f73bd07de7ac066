package com.servicecraft.workbook.web;

import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.workbook.WorkbookService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The trainee's workbook: their written answers and the trainer's feedback, by module. */
@Named
@ViewScoped
public class WorkbookPage implements Serializable {
    @Inject
    WorkbookService workbook;
    @Inject
    LocaleSwitch locale;

    private List<WorkbookService.Section> sections = List.of();

    public void onLoad() {
        sections = workbook.mine(locale.current());
    }

    public List<WorkbookService.Section> getSections() {
        return sections;
    }
}
