import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LOCAL_OPERATOR, PrivacyService } from '@rolemap/server-core';

/** GET /api/organizations/:organizationId/people/:externalId/data.json: the privacy export as a download. */
@Controller('api/organizations/:organizationId/people')
export class PersonDataController {
  constructor(private readonly privacy: PrivacyService) {}

  // role: HR_ADMIN
  @Get(':externalId/data.json')
  async download(
    @Param('organizationId') organizationId: string,
    @Param('externalId') externalId: string,
    @Res() res: Response,
  ): Promise<void> {
    // Until sign-in exists the caller is the local operator, as for GraphQL.
    const data = await this.privacy.personData(LOCAL_OPERATOR, organizationId, externalId);
    const fileName = `person-${externalId.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    res.setHeader('cache-control', 'no-store');
    res.send(JSON.stringify(data, null, 2));
  }
}
