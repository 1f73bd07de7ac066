package com.servicecraft.dashboard.web;

import com.servicecraft.assignment.GroupService;
import com.servicecraft.assignment.web.ModuleTitles;
import com.servicecraft.dashboard.DashboardService;
import com.servicecraft.dashboard.GroupDashboard;
import com.servicecraft.shared.web.Chart;
import com.servicecraft.shared.web.ChartJson;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A group's dashboard ({@code ?group=ID}), or the list of the trainer's groups to choose from. */
@Named
@RequestScoped
public class DashboardPage {
    @Inject
    DashboardService dashboards;
    @Inject
    GroupService groups;
    @Inject
    ModuleTitles titles;

    private Long group;
    private GroupDashboard dashboard;
    private List<GroupService.GroupRow> choices = List.of();

    public void onLoad() {
        if (group == null) {
            choices = groups.visibleGroups();
            return;
        }
        dashboard = dashboards.dashboard(group);
    }

    public Chart getCompletionChart() {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (GroupDashboard.ModuleCompletion m : dashboard.modules()) {
            labels.add(titles.of(m.moduleId()));
            values.add(m.percent());
        }
        return ChartJson.percentBars(Messages.text("dashboard.completion"), labels, values, Messages.text("dashboard.completedPercent"), true);
    }

    public Chart getScoreChart() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add(i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9));
        }
        return ChartJson.countBars(Messages.text("dashboard.scores"), labels, List.of(Messages.text("quiz.postTest"), Messages.text("dashboard.moduleQuizzes")),
                List.of(boxed(dashboard.postTestHistogram()), boxed(dashboard.moduleQuizHistogram())));
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    public Long getGroup() { return group; }
    public void setGroup(Long group) { this.group = group; }
    public GroupDashboard getDashboard() { return dashboard; }
    public List<GroupService.GroupRow> getChoices() { return choices; }
}
