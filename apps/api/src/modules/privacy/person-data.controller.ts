import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PrivacyService } from '@rolemap/server-core';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';

/** GET /api/organizations/:organizationId/people/:externalId/data.json: the privacy export as a download. */
@Controller('api/organizations/:organizationId/people')
export class PersonDataController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly callers: RequestCallers,
  ) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Get(':externalId/data.json')
  async download(
    @Param('organizationId') organizationId: string,
    @Param('externalId') externalId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // The guard has built the caller and checked their role in the organization.
    const caller = (await this.callers.of(req))!;
    const data = await this.privacy.personData(caller, organizationId, externalId);
    const fileName = `person-${externalId.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('cache-control', 'no-store');
    res.send(JSON.stringify(data, null, 2));
  }
}
