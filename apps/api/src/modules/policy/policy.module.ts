import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

@Module({ imports: [OrganizationsModule], providers: [PolicyService, PolicyResolver], exports: [PolicyService] })
export class PolicyModule {}
