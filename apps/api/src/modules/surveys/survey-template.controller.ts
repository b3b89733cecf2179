import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SurveyTemplatesService } from '@rolemap/server-surveys';
import { TEAM_TEMPLATE_CONTENT_TYPE } from '@rolemap/surveys/files';
import type { Request, Response } from 'express';
import { HR_AND_LEADERS, RequireRole } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';

/**
 * GET /api/survey-campaigns/:campaignId/teams/:leaderEmployeeId/template.xlsx
 * A team's offline survey template: HR admins for any team, a leader for their own.
 */
@Controller('api/survey-campaigns/:campaignId/teams')
export class SurveyTemplateController {
  constructor(
    private readonly templates: SurveyTemplatesService,
    private readonly callers: RequestCallers,
  ) {}

  @RequireRole(HR_AND_LEADERS, { campaignId: 'surveyCampaign' })
  @Get(':leaderEmployeeId/template.xlsx')
  async download(
    @Param('campaignId') campaignId: string,
    @Param('leaderEmployeeId') leaderEmployeeId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // The guard has built the caller and checked their role in the campaign's organization.
    const caller = (await this.callers.of(req))!;
    const file = await this.templates.template(caller, campaignId, leaderEmployeeId);
    res.setHeader('content-type', TEAM_TEMPLATE_CONTENT_TYPE);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('content-length', String(file.data.length));
    // As report downloads do: the web app checks the file arrived whole before saving it.
    res.setHeader('content-digest', `sha-256=:${createHash('sha256').update(file.data).digest('base64')}:`);
    res.setHeader('cache-control', 'no-store');
    res.end(file.data);
  }
}
